package jsupervisor.daemon.events;

/**
 * SUPERVISOR_STATE_CHANGE_RUNNING (when the main loop starts, again after each reload) or
 * SUPERVISOR_STATE_CHANGE_STOPPING (when shutdown or reload begins). Immutable; the payload is empty
 * ({@code len:0}), as in {@code supervisor/events.py SupervisorStateChangeEvent}.
 */
public record SupervisorStateChangeEvent(EventType type) implements Event {
    public static final SupervisorStateChangeEvent RUNNING =
            new SupervisorStateChangeEvent(EventType.SUPERVISOR_STATE_CHANGE_RUNNING);
    public static final SupervisorStateChangeEvent STOPPING =
            new SupervisorStateChangeEvent(EventType.SUPERVISOR_STATE_CHANGE_STOPPING);

    public SupervisorStateChangeEvent {
        if (type != EventType.SUPERVISOR_STATE_CHANGE_RUNNING && type != EventType.SUPERVISOR_STATE_CHANGE_STOPPING) {
            throw new IllegalArgumentException("not a concrete SUPERVISOR_STATE_CHANGE type: " + type);
        }
    }

    @Override
    public String payload() {
        return "";
    }
}
