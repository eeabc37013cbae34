package jsupervisor.daemon.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** Ticks as {@code Supervisor.tick} makes them. */
class TickSourceTest {
    private static final long T = 1_795_497_213_500L; // 1795497213.5: 1.5 s before a TICK_5 boundary
    private final TickSource ticks = new TickSource();

    @Test
    void firstCallOnlyRecords() {
        assertThat(ticks.tick(T)).isEmpty();
        assertThat(ticks.tick(T + 1000)).isEmpty();
    }

    @Test
    void tickFiresWhenTheSliceChanges() {
        ticks.tick(T);
        assertThat(ticks.tick(1_795_497_214_999L)).isEmpty();
        assertThat(ticks.tick(1_795_497_215_000L)).containsExactly(new TickEvent(EventType.TICK_5, 1_795_497_215L));
        assertThat(ticks.tick(1_795_497_216_000L)).isEmpty();
    }

    @Test
    void aLateCallFiresOnceWithTheCurrentSlice() {
        ticks.tick(T);
        assertThat(ticks.tick(1_795_497_231_200L)).containsExactly(new TickEvent(EventType.TICK_5, 1_795_497_230L));
    }

    @Test
    void minuteAndHourBoundariesFireInPeriodOrder() {
        ticks.tick(1_795_496_399_000L); // 1795496400 is a multiple of 3600
        assertThat(ticks.tick(1_795_496_400_000L)).containsExactly(new TickEvent(EventType.TICK_5, 1_795_496_400L),
                new TickEvent(EventType.TICK_60, 1_795_496_400L), new TickEvent(EventType.TICK_3600, 1_795_496_400L));
    }

    @Test
    void aClockGoingBackFiresWithTheOlderSlice() {
        ticks.tick(T);
        assertThat(ticks.tick(T - 10_000)).containsExactly(new TickEvent(EventType.TICK_5, 1_795_497_200L));
    }

    @Test
    void nextDueIsTheStartOfTheNextSliceOfAWantedType() {
        assertThat(ticks.nextDueMillis(t -> true)).isEmpty();
        ticks.tick(T);
        assertThat(ticks.nextDueMillis(t -> true)).hasValue(1_795_497_215_000L);
        assertThat(ticks.nextDueMillis(Set.of(EventType.TICK_60)::contains)).hasValue(1_795_497_240_000L);
        assertThat(ticks.nextDueMillis(Set.of(EventType.TICK_3600)::contains)).hasValue(1_795_500_000_000L);
        assertThat(ticks.nextDueMillis(t -> false)).isEmpty();
    }

    @Test
    void nextDueFollowsTheBusSubscriptions() {
        EventBus bus = new EventBus();
        bus.subscribe(EventType.TICK, posted -> { });
        ticks.tick(T);
        assertThat(ticks.nextDueMillis(bus::isSubscribed)).hasValue(1_795_497_215_000L);
        assertThat(ticks.nextDueMillis(new EventBus()::isSubscribed)).isEmpty();
    }

    @Test
    void timesliceMatchesPythonForWholeAndFractionalSeconds() {
        assertThat(TickSource.timeslice(5, 1_795_497_215_000L)).isEqualTo(1_795_497_215L);
        assertThat(TickSource.timeslice(5, 1_795_497_219_999L)).isEqualTo(1_795_497_215L);
        assertThat(TickSource.timeslice(60, 1_795_497_215_700L)).isEqualTo(1_795_497_180L);
    }
}
