package jsupervisor.common.api;

import java.util.Objects;
import jsupervisor.common.xmlrpc.XmlRpcTypeException;
import jsupervisor.common.xmlrpc.XmlRpcValue;

/**
 * One process as {@code supervisor.getProcessInfo} (and each element of {@code getAllProcessInfo})
 * describes it (REFERENCE §6.6). Java components are camelCase; {@link #toStruct()} and
 * {@link #fromStruct} use the wire names and {@link #toStruct()} emits the members in Supervisor's
 * order: name, group, start, stop, now, state, statename, spawnerr, exitstatus, logfile,
 * stdout_logfile, stderr_logfile, pid, description (Supervisor adds description last).
 *
 * <p>Immutable. Every string is non-null: Supervisor sends {@code ''} for "none" ({@code spawnerr},
 * log files). Timestamps are epoch seconds held as {@code long}; on the wire they are ints, and
 * {@link #toStruct()} caps them to the signed 32-bit range exactly as Supervisor's
 * {@code capped_int} does. {@code statename} is kept as sent; {@link #stateCode()} interprets
 * {@code state}.
 *
 * @param name the process name within its group
 * @param group the group name
 * @param description the human summary, e.g. {@code pid 5427, uptime 0:00:09}
 * @param start {@code int(laststart)}, 0 if never started
 * @param stop {@code int(laststop)}, 0 if never stopped
 * @param now the daemon's clock when it answered
 * @param state the state code ({@link ProcessStateCode})
 * @param statename the state name, e.g. {@code RUNNING}
 * @param spawnerr the last spawn error or {@code ''}
 * @param exitstatus the last exit status; -1 after death by a signal
 * @param logfile the backward-compatible alias of {@code stdout_logfile}
 * @param stdoutLogfile wire {@code stdout_logfile}: a path or {@code ''}
 * @param stderrLogfile wire {@code stderr_logfile}: a path or {@code ''}
 * @param pid the pid, 0 when not running
 */
public record ProcessInfo(
        String name,
        String group,
        String description,
        long start,
        long stop,
        long now,
        int state,
        String statename,
        String spawnerr,
        int exitstatus,
        String logfile,
        String stdoutLogfile,
        String stderrLogfile,
        int pid) {

    public ProcessInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(statename, "statename");
        Objects.requireNonNull(spawnerr, "spawnerr");
        Objects.requireNonNull(logfile, "logfile");
        Objects.requireNonNull(stdoutLogfile, "stdoutLogfile");
        Objects.requireNonNull(stderrLogfile, "stderrLogfile");
    }

    /** The external name: {@code group:name}, or {@code name} when both are equal. */
    public String namespec() {
        return NameSpec.format(group, name);
    }

    /**
     * The state as an enum.
     *
     * @throws IllegalArgumentException when the server sent a code Supervisor does not define
     */
    public ProcessStateCode stateCode() {
        return ProcessStateCode.fromCode(state);
    }

    /** The wire struct, in Supervisor's member order, timestamps capped like {@code capped_int}. */
    public XmlRpcValue.Struct toStruct() {
        return XmlRpcValue.Struct.builder()
                .put("name", name)
                .put("group", group)
                .put("start", cappedInt(start))
                .put("stop", cappedInt(stop))
                .put("now", cappedInt(now))
                .put("state", state)
                .put("statename", statename)
                .put("spawnerr", spawnerr)
                .put("exitstatus", exitstatus)
                .put("logfile", logfile)
                .put("stdout_logfile", stdoutLogfile)
                .put("stderr_logfile", stderrLogfile)
                .put("pid", pid)
                .put("description", description)
                .build();
    }

    /**
     * Reads the wire struct, ignoring members a newer server might add.
     *
     * @throws XmlRpcTypeException when a member is missing or has the wrong type
     */
    public static ProcessInfo fromStruct(XmlRpcValue.Struct s) {
        return new ProcessInfo(
                s.getString("name"),
                s.getString("group"),
                s.getString("description"),
                s.getLong("start"),
                s.getLong("stop"),
                s.getLong("now"),
                s.getInt("state"),
                s.getString("statename"),
                s.getString("spawnerr"),
                s.getInt("exitstatus"),
                s.getString("logfile"),
                s.getString("stdout_logfile"),
                s.getString("stderr_logfile"),
                s.getInt("pid"));
    }

    /**
     * Mirrors {@code supervisor/xmlrpc.py capped_int}: clamps to the signed 32-bit range that
     * {@code <int>} allows (a 2038 timestamp saturates rather than failing the whole answer).
     */
    public static int cappedInt(long value) {
        return Math.clamp(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
}
