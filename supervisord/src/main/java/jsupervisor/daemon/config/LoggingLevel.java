package jsupervisor.daemon.config;

import java.util.Optional;

/**
 * The log levels a config or {@code -e} may name, with Supervisor's numeric values
 * ({@code supervisor.loggers.LevelsByDescription}). {@code warning} is deliberately not a name.
 */
public enum LoggingLevel {
    CRITICAL("critical", 50),
    ERROR("error", 40),
    WARN("warn", 30),
    INFO("info", 20),
    DEBUG("debug", 10),
    TRACE("trace", 5),
    BLATHER("blather", 3);

    private final String configName;
    private final int value;

    LoggingLevel(String configName, int value) {
        this.configName = configName;
        this.value = value;
    }

    public String configName() {
        return configName;
    }

    /** Supervisor's numeric level: lower is more verbose. */
    public int value() {
        return value;
    }

    public static Optional<LoggingLevel> fromConfigName(String name) {
        for (LoggingLevel l : values()) {
            if (l.configName.equals(name)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
