package jsupervisor.daemon.process;

import jsupervisor.daemon.config.LoggingLevel;

/**
 * The supervisord main (activity) log as seen by the process package: one call per line, at one of
 * Supervisor's levels. The logging package implements it; tests record it. Called on the loop thread;
 * implementations must not block for long.
 */
@FunctionalInterface
public interface MainLog {
    void log(LoggingLevel level, String message);

    default void critical(String message) {
        log(LoggingLevel.CRITICAL, message);
    }

    default void warn(String message) {
        log(LoggingLevel.WARN, message);
    }

    default void info(String message) {
        log(LoggingLevel.INFO, message);
    }

    default void debug(String message) {
        log(LoggingLevel.DEBUG, message);
    }

    default void blather(String message) {
        log(LoggingLevel.BLATHER, message);
    }
}
