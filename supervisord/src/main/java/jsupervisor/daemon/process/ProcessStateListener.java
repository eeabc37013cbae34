package jsupervisor.daemon.process;

/**
 * Told of every process state change, synchronously, on the loop thread, right when the state field
 * changes (before the log line that describes it, as in Supervisor). No call is made when the new state
 * equals the old one. Implementations must not block and must not call back into the process
 * synchronously; the events package queues these as {@code PROCESS_STATE_*} events.
 */
@FunctionalInterface
public interface ProcessStateListener {
    void onStateChange(ProcessStateChange change);

    /** A listener that ignores everything. */
    ProcessStateListener NONE = change -> { };
}
