package jsupervisor.daemon.events;

/**
 * TICK_5, TICK_60 or TICK_3600, made by {@link TickSource}. Immutable. Payload: {@code when:<epoch seconds>},
 * the start of the period that just began ({@code timeslice(period, now)} in {@code supervisor/supervisord.py}).
 */
public record TickEvent(EventType type, long when) implements Event {

    public TickEvent {
        if (type != EventType.TICK_5 && type != EventType.TICK_60 && type != EventType.TICK_3600) {
            throw new IllegalArgumentException("not a concrete TICK type: " + type);
        }
    }

    /** The period in seconds: 5, 60 or 3600. */
    public int period() {
        return periodOf(type);
    }

    static int periodOf(EventType tickType) {
        return switch (tickType) {
            case TICK_5 -> 5;
            case TICK_60 -> 60;
            case TICK_3600 -> 3600;
            default -> throw new IllegalArgumentException("not a concrete TICK type: " + tickType);
        };
    }

    @Override
    public String payload() {
        return "when:" + when;
    }
}
