package jsupervisor.daemon.config;

import java.util.List;

/**
 * The pool-level settings of an {@code [eventlistener:x]} section.
 *
 * @param events        event type names, upper-cased, de-duplicated, in Supervisor's stored order
 * @param resultHandler the {@code result_handler} entry point, as written (only the default is supported)
 */
public record EventListenerPoolSettings(int bufferSize, List<String> events, String resultHandler) {
    /** The only result handler a JVM daemon can offer: Supervisor's default one. */
    public static final String DEFAULT_RESULT_HANDLER = "supervisor.dispatchers:default_handler";

    public EventListenerPoolSettings {
        events = List.copyOf(events);
    }
}
