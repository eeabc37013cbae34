package jsupervisor.daemon.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** Routing and the serial rules of REFERENCE §10.2. */
class EventBusTest {
    private final EventBus bus = new EventBus();

    /** Records what it was offered, and numbers it like a pool would. */
    private static final class Recorder implements EventSubscriber {
        final String name;
        final List<PostedEvent> got = new ArrayList<>();
        int poolSerial = -1;

        Recorder(String name) {
            this.name = name;
        }

        @Override
        public void accept(PostedEvent posted) {
            if (posted.poolSerial(name).isEmpty()) {
                posted.assignPoolSerial(name, ++poolSerial);
            }
            got.add(posted);
        }
    }

    @Test
    void eventsNobodySubscribesToConsumeNoSerial() {
        Recorder ticks = new Recorder("ticks");
        bus.subscribe(EventType.TICK, ticks);
        assertThat(bus.publish(ProcessGroupEvent.added("g"))).isEmpty();
        assertThat(bus.publish(new TickEvent(EventType.TICK_5, 5))).hasValue(0);
        assertThat(bus.publish(SupervisorStateChangeEvent.RUNNING)).isEmpty();
        assertThat(bus.publish(new TickEvent(EventType.TICK_60, 60))).hasValue(1);
        assertThat(ticks.got).extracting(PostedEvent::serial).containsExactly(0, 1);
    }

    @Test
    void supertypeSubscriptionsReceiveEverySubtype() {
        Recorder all = new Recorder("all");
        Recorder state = new Recorder("state");
        bus.subscribe(EventType.EVENT, all);
        bus.subscribe(EventType.PROCESS_GROUP, state);
        bus.publish(new RemoteCommunicationEvent("t", "d"));
        bus.publish(ProcessGroupEvent.removed("g"));
        assertThat(all.got).hasSize(2);
        assertThat(state.got).singleElement().extracting(p -> p.event().type())
                .isEqualTo(EventType.PROCESS_GROUP_REMOVED);
    }

    @Test
    void everyPoolGetsTheSameSerialAndItsOwnPoolSerial() {
        Recorder a = new Recorder("a");
        Recorder b = new Recorder("b");
        bus.subscribe(EventType.TICK_5, a);
        bus.subscribe(EventType.EVENT, b);
        bus.publish(new RemoteCommunicationEvent("t", "d")); // b only: serial 0, b's poolserial 0
        bus.publish(new TickEvent(EventType.TICK_5, 5)); // both: serial 1
        PostedEvent forA = a.got.get(0);
        PostedEvent forB = b.got.get(1);
        assertThat(forA).isSameAs(forB);
        assertThat(forA.serial()).isEqualTo(1);
        assertThat(forA.poolSerial("a")).hasValue(0);
        assertThat(forA.poolSerial("b")).hasValue(1);
    }

    @Test
    void twoMatchingSubscriptionsOfOnePoolDeliverTwice() {
        Recorder a = new Recorder("a");
        bus.subscribe(EventType.EVENT, a);
        bus.subscribe(EventType.TICK_5, a);
        bus.publish(new TickEvent(EventType.TICK_5, 5));
        assertThat(a.got).hasSize(2);
        assertThat(a.got.get(0)).isSameAs(a.got.get(1));
    }

    @Test
    void serialWrapsToZeroAfterIntMax() {
        Recorder a = new Recorder("a");
        bus.subscribe(EventType.EVENT, a);
        bus.setLastSerial(Integer.MAX_VALUE - 1);
        assertThat(bus.publish(SupervisorStateChangeEvent.RUNNING)).hasValue(Integer.MAX_VALUE);
        assertThat(bus.publish(SupervisorStateChangeEvent.RUNNING)).hasValue(0);
    }

    @Test
    void clearDropsSubscriptionsButNotTheSerial() {
        Recorder a = new Recorder("a");
        bus.subscribe(EventType.EVENT, a);
        bus.publish(SupervisorStateChangeEvent.RUNNING);
        bus.publish(SupervisorStateChangeEvent.STOPPING);
        bus.clear();
        assertThat(bus.publish(SupervisorStateChangeEvent.RUNNING)).isEmpty();
        Recorder again = new Recorder("a");
        bus.subscribe(EventType.EVENT, again);
        assertThat(bus.publish(SupervisorStateChangeEvent.RUNNING)).isEqualTo(OptionalInt.of(2));
        assertThat(again.got.get(0).poolSerial("a")).hasValue(0);
    }

    @Test
    void unsubscribeRemovesOneSubscription() {
        Recorder a = new Recorder("a");
        bus.subscribe(EventType.TICK_5, a);
        assertThat(bus.isSubscribed(EventType.TICK_5)).isTrue();
        assertThat(bus.isSubscribed(EventType.TICK_60)).isFalse();
        assertThat(bus.unsubscribe(EventType.TICK_5, a)).isTrue();
        assertThat(bus.unsubscribe(EventType.TICK_5, a)).isFalse();
        assertThat(bus.isSubscribed(EventType.TICK_5)).isFalse();
    }

    @Test
    void poolsSubscribeTheirConfiguredTypes() {
        RecordingLog log = new RecordingLog();
        ListenerPool pool = new ListenerPool(new ListenerPool.Settings("p", "supervisor", 10,
                List.of(EventType.PROCESS_STATE, EventType.TICK_60), ResultHandler.DEFAULT), List.of(), log);
        bus.subscribe(pool);
        assertThat(bus.isSubscribed(EventType.PROCESS_STATE_EXITED)).isTrue();
        assertThat(bus.isSubscribed(EventType.TICK_60)).isTrue();
        assertThat(bus.isSubscribed(EventType.TICK_5)).isFalse();
        bus.publish(new TickEvent(EventType.TICK_60, 60));
        assertThat(pool.bufferedCount()).isEqualTo(1);
        bus.unsubscribe(pool);
        assertThat(bus.isSubscribed(EventType.TICK_60)).isFalse();
    }
}
