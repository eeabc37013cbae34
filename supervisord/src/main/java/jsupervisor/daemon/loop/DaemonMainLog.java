package jsupervisor.daemon.loop;

import jsupervisor.daemon.config.LoggingLevel;
import jsupervisor.daemon.logging.DaemonLog;
import jsupervisor.daemon.logging.LogLevel;
import jsupervisor.daemon.process.MainLog;

/** The process package's view of the main log: levels mapped by Supervisor's numeric values. Loop-confined. */
public final class DaemonMainLog implements MainLog {
    private final DaemonLog log;

    public DaemonMainLog(DaemonLog log) {
        this.log = log;
    }

    @Override
    public void log(LoggingLevel level, String message) {
        log.log(LogLevel.fromValue(level.value()).orElse(LogLevel.INFO), message);
    }
}
