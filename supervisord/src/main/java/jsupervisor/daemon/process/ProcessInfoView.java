package jsupervisor.daemon.process;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jsupervisor.daemon.config.LogTarget;

/**
 * One process as {@code supervisor.getProcessInfo} reports it: the fields of
 * {@code supervisor/rpcinterface.py getProcessInfo} (wire names in parentheses where they differ) and the
 * {@code description} of {@code _interpretProcessInfo}. Immutable snapshot.
 *
 * @param start         ({@code start}) {@code int(laststart)}, 0 if never started
 * @param stop          ({@code stop}) {@code int(laststop)}, 0 if never exited
 * @param now           ({@code now}) wall seconds when the snapshot was taken
 * @param state         ({@code state}) the state code; {@code statename} is {@link #statename()}
 * @param spawnerr      ({@code spawnerr}) the last spawn error, or ""
 * @param exitstatus    ({@code exitstatus}) the last exit status, 0 if none, -1 after a signal death
 * @param stdoutLogfile ({@code stdout_logfile}, also {@code logfile}) the path, or "" for NONE
 * @param stderrLogfile ({@code stderr_logfile}) the path, or ""
 * @param pid           ({@code pid}) 0 when not running
 */
public record ProcessInfoView(String name, String group, int start, int stop, int now, int state, String spawnerr,
                              int exitstatus, String stdoutLogfile, String stderrLogfile, int pid,
                              String description) {

    /** {@code strftime('%b %d %I:%M %p')} in the C locale. */
    private static final DateTimeFormatter STOP_TIME = DateTimeFormatter.ofPattern("MMM dd hh:mm a", Locale.US);

    /**
     * The view of {@code p}; mirrors {@code supervisor/rpcinterface.py getProcessInfo}.
     *
     * @param now  wall seconds
     * @param zone the local zone for the STOPPED/EXITED description
     */
    static ProcessInfoView of(Subprocess p, long now, ZoneId zone) {
        String spawnerr = p.spawnerr();
        Integer exitstatus = p.exitstatus();
        return new ProcessInfoView(p.name(), p.groupName(), cappedInt(p.laststart()), cappedInt(p.laststop()),
                cappedInt(now), p.state().code(), spawnerr == null ? "" : spawnerr,
                exitstatus == null ? 0 : exitstatus, logfileName(p.config().stdout().logfile()),
                logfileName(p.config().stderr().logfile()), p.pid(), null).described(zone);
    }

    /** A FILE target's path; "" for NONE, and for an AUTO name the loop has not resolved into a FILE. */
    private static String logfileName(LogTarget target) {
        return target.kind() == LogTarget.Kind.FILE ? target.path() : "";
    }

    /** ({@code statename}) the state name. */
    public String statename() {
        return ProcessState.fromCode(state).name();
    }

    /** ({@code logfile}) the backward-compatible alias of {@code stdout_logfile}. */
    public String logfile() {
        return stdoutLogfile;
    }

    /** Supervisor's {@code capped_int}: clamps a timestamp into the XML-RPC int range. */
    static int cappedInt(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    /**
     * This snapshot with its {@code description} computed from the other fields; mirrors
     * {@code _interpretProcessInfo}.
     *
     * @param zone the local zone in which a stop time is shown
     */
    ProcessInfoView described(ZoneId zone) {
        return new ProcessInfoView(name, group, start, stop, now, state, spawnerr, exitstatus, stdoutLogfile,
                stderrLogfile, pid, describe(zone));
    }

    private String describe(ZoneId zone) {
        return switch (ProcessState.fromCode(state)) {
            case RUNNING -> "pid " + pid + ", uptime " + timedelta(Math.max(0L, (long) now - start));
            case FATAL, BACKOFF -> spawnerr.isEmpty() ? "unknown error (try \"tail " + name + "\")" : spawnerr;
            case STOPPED, EXITED -> start != 0
                    ? STOP_TIME.format(Instant.ofEpochSecond(stop).atZone(zone))
                    : "Not started";
            case STARTING, STOPPING, UNKNOWN -> "";
        };
    }

    /** Python's {@code str(timedelta(seconds=s))} for s >= 0: {@code 1:02:03}, {@code 2 days, 0:00:05}. */
    static String timedelta(long seconds) {
        long days = seconds / 86400;
        long rest = seconds % 86400;
        String hms = String.format("%d:%02d:%02d", rest / 3600, rest % 3600 / 60, rest % 60);
        if (days == 0) {
            return hms;
        }
        return days + (days == 1 ? " day, " : " days, ") + hms;
    }
}
