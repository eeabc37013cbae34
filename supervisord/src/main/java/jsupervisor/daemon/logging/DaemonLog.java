package jsupervisor.daemon.logging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The daemon's main (activity) log: Supervisor's {@code options.logger} as built by
 * {@code ServerOptions.make_logger()}.
 *
 * <p>Each record is one line {@code YYYY-MM-DD HH:MM:SS,mmm LEVL message\n}: local time (the zone of the
 * injected {@link Clock}), milliseconds truncated and zero-padded, the four-letter {@link LogLevel#label()},
 * and the message as-is, so continuation lines of a multi-line message carry no prefix
 * ({@code loggers.py LogRecord.asdict}, format {@code '%(asctime)s %(levelname)s %(message)s\n'}). A record is
 * written when its level passes the configured level, to every sink in the order they were added (stdout
 * first when {@code nodaemon} and not {@code silent}, then the file); a {@link SyslogSink} gets one message per
 * line instead, as {@code SyslogHandler.emit} does for {@code logfile=syslog}.
 *
 * <p>Loop-confined: no locks; only the supervisor loop thread logs (other threads post a loop command). The
 * level is fixed for the life of the instance; a reload with another level builds a new one.
 */
public final class DaemonLog implements AutoCloseable {

    private final LogLevel level;
    private final LocalClock clock;
    private final List<LogSink> sinks = new ArrayList<>();
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedPrefix = "";

    /** A log admitting records at {@code level} and above, stamped with {@code clock}'s time in its zone. */
    public DaemonLog(LogLevel level, Clock clock) {
        this.level = level;
        this.clock = LocalClock.of(clock);
    }

    /**
     * Supervisor's {@code make_logger}: a log writing to stdout too when {@code alsoStdout} ({@code nodaemon} and
     * not {@code silent}), then to {@code logfile}; the file's problems are reported in the log itself. Throws
     * when the file cannot be opened.
     */
    public static DaemonLog open(LogLevel level, Clock clock, Path logfile, RotatingFileSink.Rotation rotation,
                                 boolean alsoStdout) throws IOException {
        DaemonLog log = new DaemonLog(level, clock);
        if (alsoStdout) {
            log.addSink(StreamSink.stdout(log.sinkProblems()));
        }
        log.addSink(RotatingFileSink.open(logfile, rotation, log.sinkProblems()));
        return log;
    }

    /** Adds a destination, like {@code Logger.addHandler}; records go to sinks in the order they were added. */
    public void addSink(LogSink sink) {
        sinks.add(sink);
    }

    /** The configured threshold ({@code loglevel=}). */
    public LogLevel level() {
        return level;
    }

    /** The log file, if the log has one ({@code readLog}, {@code tail} and {@code clearLog} use it). */
    public Optional<Path> file() {
        return sinks.stream().filter(RotatingFileSink.class::isInstance).map(s -> ((RotatingFileSink) s).path())
                .findFirst();
    }

    /** True when a record at {@code messageLevel} would be written: check before building costly messages. */
    public boolean isEnabled(LogLevel messageLevel) {
        return level.admits(messageLevel);
    }

    /** Writes {@code message} at {@code messageLevel} when the level admits it. */
    public void log(LogLevel messageLevel, String message) {
        if (!isEnabled(messageLevel)) {
            return;
        }
        String asctime = asctime(clock.instant());
        byte[] line = null;
        for (LogSink sink : sinks) {
            if (sink instanceof SyslogSink syslog) {
                sendLines(syslog, asctime, messageLevel, message);
            } else {
                if (line == null) {
                    line = format(asctime, messageLevel, message);
                }
                sink.write(line);
            }
        }
    }

    public void critical(String message) {
        log(LogLevel.CRIT, message);
    }

    public void error(String message) {
        log(LogLevel.ERRO, message);
    }

    public void warn(String message) {
        log(LogLevel.WARN, message);
    }

    public void info(String message) {
        log(LogLevel.INFO, message);
    }

    public void debug(String message) {
        log(LogLevel.DEBG, message);
    }

    public void trace(String message) {
        log(LogLevel.TRAC, message);
    }

    public void blather(String message) {
        log(LogLevel.BLAT, message);
    }

    /** Writes the messages queued before this log existed: criticals, then warnings, then infos. */
    public void flush(StartupMessages startup) {
        startup.drainTo(this);
    }

    /**
     * SIGUSR2: logs {@code supervisord logreopen}, then reopens every sink, as {@code ServerOptions.reopenlogs}
     * does (the loop logs the "received SIGUSR2 indicating log reopen request" line before calling this).
     */
    public void reopen() {
        info("supervisord logreopen");
        for (LogSink sink : sinks) {
            sink.reopen();
        }
    }

    /**
     * {@code supervisor.clearLog}: deletes the log file, then for each sink logs {@code reopening log file} and
     * reopens it ({@code rpcinterface.py clearLog}). The line written before the file's own reopen goes to the
     * deleted file, so the new file starts empty, while with stdout as a sink the line shows twice, as in
     * Supervisor. Throws {@link NoSuchFileException} when there is no log file (the RPC layer's NO_FILE) and any
     * other {@link IOException} when it cannot be deleted (FAILED).
     */
    public void clear() throws IOException {
        boolean deleted = false;
        for (LogSink sink : sinks) {
            if (sink instanceof RotatingFileSink file) {
                Files.delete(file.path());
                deleted = true;
            }
        }
        if (!deleted) {
            throw new NoSuchFileException("main log is not a file");
        }
        for (LogSink sink : sinks) {
            info("reopening log file");
            sink.reopen();
        }
    }

    /**
     * A listener that reports sink problems in this log: {@code ERRO} once when a sink starts failing and
     * {@code INFO} when it works again. Suitable for child-log sinks and for this log's own sinks (a line
     * about a failing file still reaches the other sinks and is held back for the file itself).
     */
    public SinkListener sinkProblems() {
        return new SinkListener() {
            @Override
            public void failed(String sink, String action, IOException cause) {
                error("Log " + sink + " failed (" + action + "): " + cause.getMessage()
                        + "; output is held back and retried, further failures are not reported");
            }

            @Override
            public void recovered(String sink, long droppedBytes) {
                info("Log " + sink + " is writable again"
                        + (droppedBytes > 0 ? "; " + droppedBytes + " bytes of output were lost" : ""));
            }
        };
    }

    /** Closes every sink ({@code Logger.close}); the daemon's stdout stays open. */
    @Override
    public void close() {
        for (LogSink sink : sinks) {
            sink.close();
        }
    }

    /** {@code 2026-11-24 05:01:19,346}: local time, milliseconds truncated ({@code '%s,%03d' % (part1, msecs)}). */
    String asctime(Instant now) {
        long second = now.getEpochSecond();
        if (second != cachedSecond) {
            // by hand: String.format's first call loads the JDK's locale data, a cost paid before the first spawn
            LocalDateTime local = clock.localDateTime(second);
            StringBuilder b = new StringBuilder(24);
            String year = Integer.toString(local.getYear());
            for (int i = year.length(); i < 4; i++) {
                b.append('0');
            }
            b.append(year).append('-');
            twoDigits(b, local.getMonthValue()).append('-');
            twoDigits(b, local.getDayOfMonth()).append(' ');
            twoDigits(b, local.getHour()).append(':');
            twoDigits(b, local.getMinute()).append(':');
            twoDigits(b, local.getSecond()).append(',');
            cachedPrefix = b.toString();
            cachedSecond = second;
        }
        int millis = now.getNano() / 1_000_000;
        return cachedPrefix + (char) ('0' + millis / 100) + (char) ('0' + millis / 10 % 10)
                + (char) ('0' + millis % 10);
    }

    private static StringBuilder twoDigits(StringBuilder b, int value) {
        return b.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static byte[] format(String asctime, LogLevel messageLevel, String message) {
        return (asctime + ' ' + messageLevel.label() + ' ' + message + '\n').getBytes(StandardCharsets.UTF_8);
    }

    // loggers.py SyslogHandler.emit: message.rstrip('\n').split('\n'), each line formatted on its own.
    private static void sendLines(SyslogSink syslog, String asctime, LogLevel messageLevel, String message) {
        int end = message.length();
        while (end > 0 && message.charAt(end - 1) == '\n') {
            end--;
        }
        for (String line : message.substring(0, end).split("\n", -1)) {
            syslog.send(format(asctime, messageLevel, line));
        }
    }
}
