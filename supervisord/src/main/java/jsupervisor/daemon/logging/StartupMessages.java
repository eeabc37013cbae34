package jsupervisor.daemon.logging;

import java.util.ArrayList;
import java.util.List;

/**
 * Messages produced before the main log exists (while parsing the config, switching user, raising rlimits),
 * kept until {@link DaemonLog#flush(StartupMessages)} writes them in Supervisor's order: all criticals, then
 * all warnings, then all infos, each group in the order it was added.
 *
 * <p>Mirrors {@code supervisor/options.py} {@code parse_criticals}, {@code parse_warnings} and
 * {@code parse_infos}, flushed by {@code ServerOptions.make_logger()}. Only those three levels exist here,
 * because Supervisor queues nothing else. Confined to the thread that loads the config, then handed to the
 * loop; one instance per config load (Supervisor resets the lists on each reload).
 */
public final class StartupMessages {

    private final List<String> criticals = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> infos = new ArrayList<>();

    /** Queues a message for {@code CRIT}, e.g. "Supervisor is running as root. ...". */
    public void critical(String message) {
        criticals.add(message);
    }

    /** Queues a message for {@code WARN}, e.g. {@code No file matches via include "..."}. */
    public void warn(String message) {
        warnings.add(message);
    }

    /** Queues a message for {@code INFO}, e.g. {@code Included extra file "..." during parsing}. */
    public void info(String message) {
        infos.add(message);
    }

    /** True when nothing is queued. */
    public boolean isEmpty() {
        return criticals.isEmpty() && warnings.isEmpty() && infos.isEmpty();
    }

    /** Logs everything in Supervisor's order and empties the queue. */
    void drainTo(DaemonLog log) {
        criticals.forEach(log::critical);
        warnings.forEach(log::warn);
        infos.forEach(log::info);
        criticals.clear();
        warnings.clear();
        infos.clear();
    }
}
