package jsupervisor.daemon.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Routes events to the pools subscribed to their type or a supertype, and numbers them. The instance form of
 * Supervisor's module-level {@code supervisor/events.py} {@code callbacks} list plus the {@code GlobalSerial}
 * of {@code supervisor/process.py}: one instance, created in {@code Main}, lives as long as the daemon.
 *
 * <p>Loop-confined: no locks; {@link #publish} is synchronous and runs every subscriber before it returns.
 *
 * <p>Invariants, all from Supervisor:
 * <ul>
 *   <li>subscriptions are {@code (type, subscriber)} pairs kept in subscription order; a published event is
 *       offered to each matching pair in that order, so a subscriber with two matching types gets it twice;</li>
 *   <li>the global serial is taken when the first subscriber is offered the event; an event nobody subscribes to
 *       consumes no serial;</li>
 *   <li>serials start at 0, wrap to 0 after {@link Integer#MAX_VALUE}, and survive {@link #clear()} (reload).</li>
 * </ul>
 */
public final class EventBus {
    private record Subscription(EventType type, EventSubscriber subscriber) {
    }

    private final List<Subscription> subscriptions = new ArrayList<>();
    private final SerialCounter serials = new SerialCounter();

    /** Adds one subscription ({@code events.subscribe(type, callback)}). */
    public void subscribe(EventType type, EventSubscriber subscriber) {
        subscriptions.add(new Subscription(Objects.requireNonNull(type), Objects.requireNonNull(subscriber)));
    }

    /** Subscribes a pool to each of its configured types, in config order ({@code EventListenerPool._subscribe}). */
    public void subscribe(ListenerPool pool) {
        for (EventType type : pool.eventTypes()) {
            subscribe(type, pool);
        }
    }

    /** Removes the first matching subscription; false if there was none. */
    public boolean unsubscribe(EventType type, EventSubscriber subscriber) {
        return subscriptions.remove(new Subscription(type, subscriber));
    }

    /** Removes a pool's subscriptions, when its group is removed ({@code EventListenerPool.before_remove}). */
    public void unsubscribe(ListenerPool pool) {
        for (EventType type : pool.eventTypes()) {
            unsubscribe(type, pool);
        }
    }

    /** Drops every subscription, as a reload does ({@code events.clear()}); the serial counter carries on. */
    public void clear() {
        subscriptions.clear();
    }

    /** True when some subscription would receive an event of (concrete) type {@code type}. */
    public boolean isSubscribed(EventType type) {
        for (Subscription s : subscriptions) {
            if (type.isSubtypeOf(s.type())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Offers {@code event} to every matching subscription in order ({@code events.notify}). Returns the global
     * serial it was given, or empty when nobody subscribes to its type (then it consumed no serial).
     */
    public OptionalInt publish(Event event) {
        if (event.type().isAbstract()) {
            throw new IllegalArgumentException("cannot publish an abstract event type: " + event.type());
        }
        PostedEvent posted = null;
        // a snapshot: a subscriber may not change subscriptions, but a copy keeps a mistake from corrupting order
        for (Subscription s : List.copyOf(subscriptions)) {
            if (!event.type().isSubtypeOf(s.type())) {
                continue;
            }
            if (posted == null) {
                posted = new PostedEvent(event, serials.next()); // new_serial(GlobalSerial) on first accept
            }
            s.subscriber().accept(posted);
        }
        return posted == null ? OptionalInt.empty() : OptionalInt.of(posted.serial());
    }

    /** Test hook: the next serial handed out will follow {@code last}. */
    void setLastSerial(int last) {
        serials.setLast(last);
    }
}
