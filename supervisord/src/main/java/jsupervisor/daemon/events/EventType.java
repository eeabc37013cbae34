package jsupervisor.daemon.events;

import java.util.Optional;

/**
 * Every event type a listener pool may subscribe to, named as on the wire ({@code eventname:} in the envelope,
 * {@code events=} in {@code [eventlistener:x]}), with the abstract supertypes of
 * {@code supervisor/events.py EventTypes}. Immutable.
 *
 * <p>The hierarchy mirrors the Python class hierarchy, because Supervisor matches subscriptions with
 * {@code isinstance}: subscribing to {@code PROCESS_STATE} receives every {@code PROCESS_STATE_*}, and
 * {@code EVENT} receives everything. Events are always created with a concrete (non-abstract) type.
 */
public enum EventType {
    EVENT(null, true),
    PROCESS_STATE(EVENT, true),
    PROCESS_STATE_STOPPED(PROCESS_STATE, false),
    PROCESS_STATE_EXITED(PROCESS_STATE, false),
    PROCESS_STATE_STARTING(PROCESS_STATE, false),
    PROCESS_STATE_STOPPING(PROCESS_STATE, false),
    PROCESS_STATE_BACKOFF(PROCESS_STATE, false),
    PROCESS_STATE_FATAL(PROCESS_STATE, false),
    PROCESS_STATE_RUNNING(PROCESS_STATE, false),
    PROCESS_STATE_UNKNOWN(PROCESS_STATE, false),
    PROCESS_LOG(EVENT, true),
    PROCESS_LOG_STDOUT(PROCESS_LOG, false),
    PROCESS_LOG_STDERR(PROCESS_LOG, false),
    PROCESS_COMMUNICATION(EVENT, true),
    PROCESS_COMMUNICATION_STDOUT(PROCESS_COMMUNICATION, false),
    PROCESS_COMMUNICATION_STDERR(PROCESS_COMMUNICATION, false),
    REMOTE_COMMUNICATION(EVENT, false),
    SUPERVISOR_STATE_CHANGE(EVENT, true),
    SUPERVISOR_STATE_CHANGE_RUNNING(SUPERVISOR_STATE_CHANGE, false),
    SUPERVISOR_STATE_CHANGE_STOPPING(SUPERVISOR_STATE_CHANGE, false),
    TICK(EVENT, true),
    TICK_5(TICK, false),
    TICK_60(TICK, false),
    TICK_3600(TICK, false),
    PROCESS_GROUP(EVENT, true),
    PROCESS_GROUP_ADDED(PROCESS_GROUP, false),
    PROCESS_GROUP_REMOVED(PROCESS_GROUP, false);

    private final EventType parent;
    private final boolean isAbstract;

    EventType(EventType parent, boolean isAbstract) {
        this.parent = parent;
        this.isAbstract = isAbstract;
    }

    /** The name on the wire and in the config file, e.g. {@code PROCESS_STATE_RUNNING}. */
    public String wireName() {
        return name();
    }

    /** True for the supertypes that are never sent themselves ({@code EVENT}, {@code TICK}, ...). */
    public boolean isAbstract() {
        return isAbstract;
    }

    /** The direct supertype; empty for {@code EVENT}. */
    public Optional<EventType> parent() {
        return Optional.ofNullable(parent);
    }

    /**
     * True when an event of this type is delivered to a subscription for {@code other}: this type is
     * {@code other} or one of its subtypes ({@code isinstance(event, other)}).
     */
    public boolean isSubtypeOf(EventType other) {
        for (EventType t = this; t != null; t = t.parent) {
            if (t == other) {
                return true;
            }
        }
        return false;
    }

    /** The type with this wire name (exact, upper-case), as {@code getattr(EventTypes, name)} finds it. */
    public static Optional<EventType> fromWireName(String name) {
        for (EventType t : values()) {
            if (t.name().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
