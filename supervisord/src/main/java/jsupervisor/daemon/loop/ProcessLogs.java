package jsupervisor.daemon.loop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jsupervisor.daemon.config.ChannelConfig;
import jsupervisor.daemon.config.LogTarget;
import jsupervisor.daemon.logging.ChildLog;
import jsupervisor.daemon.logging.DaemonLog;
import jsupervisor.daemon.logging.LocalClock;
import jsupervisor.daemon.logging.LogSink;
import jsupervisor.daemon.logging.RotatingFileSink;
import jsupervisor.daemon.logging.SyslogSink;
import jsupervisor.daemon.process.SpawnSpec;

/**
 * The stdout and stderr logs of one process, opened at its first spawn and kept across restarts (the files
 * are append-only, so a restart continues them). Loop-confined.
 */
final class ProcessLogs implements AutoCloseable {
    final ChildLog stdout;
    final ChildLog stderr;

    private ProcessLogs(ChildLog stdout, ChildLog stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Opens both channels' log files, as Supervisor's {@code make_dispatchers} does before the fork.
     *
     * @param listener an event listener: its stdout is the protocol channel, mirrored as raw bytes
     * @throws LogOpenFailure when a log file cannot be opened: the spawn fails, nothing is left open
     */
    static ProcessLogs open(SpawnSpec spec, boolean stripAnsi, DaemonLog mainLog, boolean listener)
            throws LogOpenFailure {
        ChildLog out = channel(spec.processName(), "stdout", spec.stdout(), stripAnsi, mainLog, listener);
        try {
            ChildLog err = spec.redirectStderr() ? null
                    : channel(spec.processName(), "stderr", spec.stderr(), stripAnsi, mainLog, false);
            return new ProcessLogs(out, err);
        } catch (LogOpenFailure e) {
            out.close();
            throw e;
        }
    }

    private static ChildLog channel(String name, String channel, ChannelConfig config, boolean stripAnsi,
                                    DaemonLog mainLog, boolean listener) throws LogOpenFailure {
        List<LogSink> sinks = new ArrayList<>();
        if (config.logfile().kind() == LogTarget.Kind.FILE) {
            try {
                sinks.add(RotatingFileSink.open(Path.of(config.logfile().path()),
                        // Supervisor accepts negative sizes and counts; its handler treats them as "off"
                        new RotatingFileSink.Rotation(Math.max(0, config.logfileMaxbytes()),
                                Math.max(0, config.logfileBackups())),
                        mainLog.sinkProblems()));
            } catch (IOException e) {
                throw new LogOpenFailure(e);
            } catch (IllegalArgumentException e) { // a path the JDK cannot represent
                throw new LogOpenFailure(e.getMessage());
            }
        }
        if (config.syslog()) {
            sinks.add(new SyslogSink("supervisord", name + " ", new DevLogConnector(),
                    LocalClock.system(), mainLog.sinkProblems()));
        }
        return new ChildLog(new ChildLog.Spec(name, channel, stripAnsi, listener), sinks, mainLog);
    }

    void reopen() {
        stdout.reopen();
        if (stderr != null) {
            stderr.reopen();
        }
    }

    @Override
    public void close() {
        stdout.close();
        if (stderr != null) {
            stderr.close();
        }
    }
}
