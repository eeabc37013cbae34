package jsupervisor.daemon.events;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An {@link Event} once the bus has handed it to at least one pool: the event, its global {@code serial}, and
 * the {@code poolserial} each pool gave it. This is the state Python keeps on the event object itself
 * ({@code event.serial}, {@code event.pool_serials}); the same instance sits in pool buffers, is held by a BUSY
 * listener and is re-queued on rejection, so a redelivery carries the same serials.
 *
 * <p>Loop-confined. Invariants: {@code serial} never changes; a pool's poolserial is set once, on its first
 * acceptance (keyed by pool name, as {@code pool_serials} is).
 */
public final class PostedEvent {
    private final Event event;
    private final int serial;
    private final Map<String, Integer> poolSerials = new HashMap<>(4);

    PostedEvent(Event event, int serial) {
        this.event = Objects.requireNonNull(event, "event");
        this.serial = serial;
    }

    public Event event() {
        return event;
    }

    /** The global serial ({@code serial:} in the envelope). */
    public int serial() {
        return serial;
    }

    /** The poolserial pool {@code pool} gave this event, if it accepted it. */
    public OptionalInt poolSerial(String pool) {
        Integer s = poolSerials.get(pool);
        return s == null ? OptionalInt.empty() : OptionalInt.of(s);
    }

    void assignPoolSerial(String pool, int poolSerial) {
        if (poolSerials.putIfAbsent(pool, poolSerial) != null) {
            throw new IllegalStateException("pool " + pool + " already numbered event " + serial);
        }
    }

    @Override
    public String toString() {
        return "PostedEvent[serial=" + serial + ", " + event.type() + ", poolSerials=" + poolSerials + "]";
    }
}
