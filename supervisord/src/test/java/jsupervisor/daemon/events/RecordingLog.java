package jsupervisor.daemon.events;

import java.util.ArrayList;
import java.util.List;

import jsupervisor.daemon.config.LoggingLevel;
import jsupervisor.daemon.process.MainLog;

/** A main log that keeps each line as {@code "LEVL message"}, with Supervisor's four-letter labels. */
final class RecordingLog implements MainLog {
    final List<String> lines = new ArrayList<>();

    @Override
    public void log(LoggingLevel level, String message) {
        String label = switch (level) {
            case CRITICAL -> "CRIT";
            case ERROR -> "ERRO";
            case WARN -> "WARN";
            case INFO -> "INFO";
            case DEBUG -> "DEBG";
            case TRACE -> "TRAC";
            case BLATHER -> "BLAT";
        };
        lines.add(label + " " + message);
    }

    /** The lines logged so far, then forgets them. */
    List<String> take() {
        List<String> copy = List.copyOf(lines);
        lines.clear();
        return copy;
    }
}
