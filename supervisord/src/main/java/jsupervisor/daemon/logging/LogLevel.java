package jsupervisor.daemon.logging;

import java.util.Locale;
import java.util.Optional;

/**
 * Supervisor's log levels, with their numeric values, the four-letter label printed in the main log and the
 * name accepted by {@code loglevel=} in the config file.
 *
 * <p>Immutable enum, safe from any thread. Mirrors {@code supervisor/loggers.py} {@code LevelsByName} (the
 * labels) and {@code LevelsByDescription} (the config names). A message is emitted when its level's value is
 * greater than or equal to the configured level's value ({@code Logger.log}'s {@code level >= handler.level}).
 * Note that {@code warning} is not a valid config name: Supervisor only knows {@code warn}.
 */
public enum LogLevel {
    /** Messages that probably require immediate user attention. */
    CRIT(50, "critical"),
    /** Messages that indicate a potentially ignorable error condition. */
    ERRO(40, "error"),
    /** Messages that indicate issues which aren't errors. */
    WARN(30, "warn"),
    /** Normal informational output. */
    INFO(20, "info"),
    /** Messages useful for users trying to debug configurations; child output is mirrored at this level. */
    DEBG(10, "debug"),
    /** Messages useful to developers trying to debug plugins; XML-RPC tracing. */
    TRAC(5, "trace"),
    /** Messages useful for developers trying to debug supervisor. */
    BLAT(3, "blather");

    private final int value;
    private final String configName;

    LogLevel(int value, String configName) {
        this.value = value;
        this.configName = configName;
    }

    /** The numeric value, as in {@code LevelsByName} (CRIT 50 ... BLAT 3). */
    public int value() {
        return value;
    }

    /** The four-letter label written in the main log, e.g. {@code DEBG}. */
    public String label() {
        return name();
    }

    /** The lower-case name used in the config file and on the command line, e.g. {@code debug}. */
    public String configName() {
        return configName;
    }

    /** True when a message at {@code messageLevel} passes a threshold of this level. */
    public boolean admits(LogLevel messageLevel) {
        return messageLevel.value >= value;
    }

    /**
     * Looks up a config name case-insensitively, as {@code supervisor/datatypes.py logging_level()} does with
     * {@code str(value).lower()}. Returns empty for unknown names such as {@code warning}; the config layer turns
     * that into Supervisor's {@code bad logging level name 'x'} message.
     */
    public static Optional<LogLevel> fromConfigName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (LogLevel level : values()) {
            if (level.configName.equals(lower)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** Looks up a numeric value; empty when it is not one of Supervisor's seven levels. */
    public static Optional<LogLevel> fromValue(int value) {
        for (LogLevel level : values()) {
            if (level.value == value) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
