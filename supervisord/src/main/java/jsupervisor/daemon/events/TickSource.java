package jsupervisor.daemon.events;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Makes TICK_5, TICK_60 and TICK_3600 events from wall-clock time: a tick fires when
 * {@code int(now - now % period)} differs from the value last seen (mirrors {@code supervisor/supervisord.py
 * Supervisor.tick} and {@code timeslice}). The first call only records the current slices; a clock that jumps
 * backwards also changes the slice, and fires, as in Supervisor. Times are epoch milliseconds from the loop's
 * wall clock (never the monotonic one: {@code when:} is wall time).
 *
 * <p>Loop-confined; one instance for the daemon's life (Supervisor keeps {@code ticks} across reloads).
 */
public final class TickSource {
    private static final List<EventType> TICKS = List.of(EventType.TICK_5, EventType.TICK_60, EventType.TICK_3600);

    private final Map<EventType, Long> lastSlice = new EnumMap<>(EventType.class);

    /** The tick events due at {@code nowMillis}, in TICK_5, TICK_60, TICK_3600 order (possibly none). */
    public List<TickEvent> tick(long nowMillis) {
        List<TickEvent> due = new ArrayList<>(1);
        for (EventType type : TICKS) {
            long slice = timeslice(TickEvent.periodOf(type), nowMillis);
            Long last = lastSlice.put(type, slice);
            if (last != null && last != slice) {
                due.add(new TickEvent(type, slice));
            }
        }
        return due;
    }

    /**
     * The earliest epoch millisecond at which a tick of a type accepted by {@code wanted} falls due (the start of
     * the slice after the one last recorded), so the loop can sleep exactly until then; empty before the first
     * {@link #tick} or when no tick type is wanted. The loop passes {@code bus::isSubscribed}.
     */
    public OptionalLong nextDueMillis(Predicate<EventType> wanted) {
        long best = Long.MAX_VALUE;
        boolean any = false;
        for (EventType type : TICKS) {
            Long last = lastSlice.get(type);
            if (last != null && wanted.test(type)) {
                best = Math.min(best, (last + TickEvent.periodOf(type)) * 1000L);
                any = true;
            }
        }
        return any ? OptionalLong.of(best) : OptionalLong.empty();
    }

    // int(when - when % period) for a float when; Python's % floors, as floorDiv does
    static long timeslice(int periodSeconds, long nowMillis) {
        return Math.floorDiv(nowMillis, periodSeconds * 1000L) * periodSeconds;
    }
}
