package jsupervisor.daemon.process.testing;

import java.util.ArrayList;
import java.util.List;

import jsupervisor.daemon.config.LoggingLevel;
import jsupervisor.daemon.process.MainLog;

/** Records main-log lines as {@code LEVEL message}, with Supervisor's level spellings. Single-threaded. */
public final class RecordingMainLog implements MainLog {
    private final List<String> lines = new ArrayList<>();

    @Override
    public void log(LoggingLevel level, String message) {
        lines.add(spelling(level) + " " + message);
    }

    /** The on-disk level names of {@code supervisor/loggers.py LOG_LEVELS_BY_NUM}. */
    private static String spelling(LoggingLevel level) {
        return switch (level) {
            case CRITICAL -> "CRIT";
            case ERROR -> "ERRO";
            case WARN -> "WARN";
            case INFO -> "INFO";
            case DEBUG -> "DEBG";
            case TRACE -> "TRAC";
            case BLATHER -> "BLAT";
        };
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Returns the recorded lines and forgets them. */
    public List<String> take() {
        List<String> out = List.copyOf(lines);
        lines.clear();
        return out;
    }
}
