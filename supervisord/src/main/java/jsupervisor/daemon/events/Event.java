package jsupervisor.daemon.events;

/**
 * One event, as created by the daemon and delivered to listener pools: a concrete {@link EventType} and the
 * payload text that follows the envelope header. Immutable; the records capture every value when the event is
 * created, as {@code supervisor/events.py} does eagerly for process state ({@code extra_values}), so a later
 * change of the process (a new pid) does not alter an event already buffered.
 *
 * <p>The serial numbers are not part of the event: they belong to its posting ({@link PostedEvent}).
 */
public sealed interface Event permits ProcessStateEvent, ProcessLogEvent, ProcessCommunicationEvent,
        RemoteCommunicationEvent, SupervisorStateChangeEvent, TickEvent, ProcessGroupEvent {

    /** The concrete type, never an abstract one; its wire name is the envelope's {@code eventname}. */
    EventType type();

    /** The exact payload text (Python's {@code payload()}), without any terminator unless the format has one. */
    String payload();
}
