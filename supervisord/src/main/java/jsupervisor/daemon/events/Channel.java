package jsupervisor.daemon.events;

/**
 * The output channel of a child an event comes from, with the name Supervisor prints ({@code channel:stdout} in
 * PROCESS_LOG payloads, {@code 'name' stdout emitted a comm event}). Immutable.
 */
public enum Channel {
    STDOUT("stdout", EventType.PROCESS_LOG_STDOUT, EventType.PROCESS_COMMUNICATION_STDOUT),
    STDERR("stderr", EventType.PROCESS_LOG_STDERR, EventType.PROCESS_COMMUNICATION_STDERR);

    private final String wireName;
    private final EventType logType;
    private final EventType communicationType;

    Channel(String wireName, EventType logType, EventType communicationType) {
        this.wireName = wireName;
        this.logType = logType;
        this.communicationType = communicationType;
    }

    /** {@code stdout} or {@code stderr}. */
    public String wireName() {
        return wireName;
    }

    /** PROCESS_LOG_STDOUT or PROCESS_LOG_STDERR. */
    public EventType logType() {
        return logType;
    }

    /** PROCESS_COMMUNICATION_STDOUT or PROCESS_COMMUNICATION_STDERR. */
    public EventType communicationType() {
        return communicationType;
    }
}
