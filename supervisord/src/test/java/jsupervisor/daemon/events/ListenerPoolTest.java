package jsupervisor.daemon.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jsupervisor.daemon.config.EventListenerPoolSettings;
import jsupervisor.daemon.config.GroupConfig;
import jsupervisor.daemon.config.GroupKind;
import jsupervisor.daemon.process.ProcessState;

import org.junit.jupiter.api.Test;

/** Pool buffering and dispatch, REFERENCE §10.4. */
class ListenerPoolTest {
    private final RecordingLog log = new RecordingLog();
    private final EventBus bus = new EventBus();
    private final FakeListener one = new FakeListener("one");
    private final FakeListener two = new FakeListener("two");

    private ListenerPool pool(int bufferSize, ListenerHandle... listeners) {
        ListenerPool pool = new ListenerPool(new ListenerPool.Settings("pool", "supervisor", bufferSize,
                List.of(EventType.EVENT), ResultHandler.DEFAULT), List.of(listeners), log);
        bus.subscribe(pool);
        return pool;
    }

    @Test
    void overflowDropsTheOldestWithItsSerial() {
        ListenerPool pool = pool(2, one);
        publishGroups(3);
        assertThat(pool.buffered()).extracting(PostedEvent::serial).containsExactly(1, 2);
        assertThat(log.take()).containsExactly("ERRO pool pool event buffer overflowed, discarding event 0");
    }

    /** A listener's own stderr events (stderr_events_enabled) go to the other pools, never back to its own. */
    @Test
    void aPoolIsNotSentTheOutputOfItsOwnListeners() {
        ListenerPool pool = pool(10, one);
        bus.publish(ProcessLogEvent.of(Channel.STDERR, "one", "pool", 7, ascii("err\n")));
        bus.publish(ProcessLogEvent.of(Channel.STDERR, "x", "other", 8, ascii("err\n")));
        assertThat(pool.buffered()).extracting(PostedEvent::serial).containsExactly(1);
    }

    @Test
    void eventsWaitUntilAListenerIsRunningAndReady() {
        ListenerPool pool = pool(10, one);
        one.state = ProcessState.STARTING;
        publishGroups(2);
        pool.onOutput(one, ascii("READY\n"));
        pool.dispatch();
        assertThat(one.written).isEmpty();
        one.state = ProcessState.RUNNING;
        pool.dispatch();
        assertThat(one.serials()).containsExactly(0);
        assertThat(pool.listenerState(one)).isEqualTo(ListenerState.BUSY);
        assertThat(pool.buffered()).extracting(PostedEvent::serial).containsExactly(1);
    }

    @Test
    void dispatchGoesToTheFirstReadyListenerInPoolOrder() {
        ListenerPool pool = pool(10, one, two);
        pool.onOutput(two, ascii("READY\n"));
        pool.onOutput(one, ascii("READY\n"));
        publishGroups(3);
        log.take();
        pool.dispatch();
        assertThat(one.serials()).containsExactly(0);
        assertThat(two.serials()).containsExactly(1);
        assertThat(one.written.get(0)).isEqualTo("ver:3.0 server:supervisor serial:0 pool:pool poolserial:0 "
                + "eventname:PROCESS_GROUP_ADDED len:12\ngroupname:0\n");
        assertThat(log.take()).containsExactly("DEBG event 0 sent to listener one", "DEBG event 1 sent to listener two",
                "DEBG rebuffering event 2 for pool pool (buf size=0, max=10)");
        assertThat(pool.buffered()).extracting(PostedEvent::serial).containsExactly(2);
    }

    @Test
    void nothingIsLoggedWhenNoListenerIsReady() {
        ListenerPool pool = pool(10, one);
        publishGroups(1);
        pool.dispatch();
        assertThat(log.take()).isEmpty();
        assertThat(pool.bufferedCount()).isEqualTo(1);
    }

    @Test
    void epipeTriesTheNextListenerAndLeavesStateUnchanged() {
        ListenerPool pool = pool(10, one, two);
        pool.onOutput(one, ascii("READY\n"));
        pool.onOutput(two, ascii("READY\n"));
        one.epipe = true;
        publishGroups(1);
        log.take();
        pool.dispatch();
        assertThat(log.take()).containsExactly(
                "DEBG epipe occurred while sending event 0 to listener one, listener state unchanged",
                "DEBG event 0 sent to listener two");
        assertThat(pool.listenerState(one)).isEqualTo(ListenerState.READY);
        assertThat(two.serials()).containsExactly(0);
    }

    @Test
    void canDispatchWhileAnEventWaitsForAReadyRunningListener() {
        ListenerPool pool = pool(10, one);
        assertThat(pool.canDispatch()).isFalse();
        publishGroups(1);
        assertThat(pool.canDispatch()).as("no listener is READY yet").isFalse();
        pool.onOutput(one, ascii("READY\n"));
        assertThat(pool.canDispatch()).isTrue();
        one.state = ProcessState.STOPPING;
        assertThat(pool.canDispatch()).as("only a RUNNING listener is sent events").isFalse();
        one.state = ProcessState.RUNNING;
        pool.dispatch();
        assertThat(pool.canDispatch()).as("sent, and the listener is BUSY").isFalse();
    }

    @Test
    void aDispatchThatOnlyMetEpipeIsNotRetriedUntilAListenerChanges() {
        ListenerPool pool = pool(10, one);
        pool.onOutput(one, ascii("READY\n"));
        one.epipe = true;
        publishGroups(1);
        pool.dispatch();
        // still READY and RUNNING, but retrying at once would only spin the loop on the same EPIPE
        assertThat(pool.listenerState(one)).isEqualTo(ListenerState.READY);
        assertThat(pool.canDispatch()).isFalse();
        publishGroups(1);
        assertThat(pool.canDispatch()).isFalse();
        one.epipe = false;
        pool.onOutput(one, new byte[0]);
        assertThat(pool.canDispatch()).isTrue();
        pool.dispatch();
        assertThat(one.serials()).containsExactly(0);
    }

    @Test
    void rejectedEventIsRequeuedAtTheHeadAndRedeliveredWithTheSameSerials() {
        ListenerPool pool = pool(10, one);
        publishGroups(2);
        pool.onOutput(one, ascii("READY\n"));
        pool.dispatch();
        log.take();
        pool.onOutput(one, ascii("RESULT 4\nFAILREADY\n"));
        assertThat(pool.buffered()).extracting(PostedEvent::serial).containsExactly(0, 1);
        assertThat(log.take()).containsExactly("WARN one: event was rejected", "DEBG one: BUSY -> ACKNOWLEDGED",
                "DEBG rebuffering event 0 for pool pool (buf size=1, max=10)", "DEBG one: ACKNOWLEDGED -> READY");
        pool.dispatch();
        assertThat(one.written).hasSize(2);
        assertThat(one.written.get(1)).isEqualTo(one.written.get(0));
    }

    @Test
    void requeueIntoAFullBufferDropsTheOldestBuffered() {
        ListenerPool pool = pool(2, one);
        publishGroups(1);
        pool.onOutput(one, ascii("READY\n"));
        pool.dispatch();
        publishGroups(2); // serials 1, 2 fill the buffer
        log.take();
        pool.onOutput(one, ascii("RESULT 4\nFAIL"));
        assertThat(pool.buffered()).extracting(PostedEvent::serial).containsExactly(0, 2);
        assertThat(log.take()).containsSubsequence("DEBG rebuffering event 0 for pool pool (buf size=2, max=2)",
                "ERRO pool pool event buffer overflowed, discarding event 1");
    }

    @Test
    void listenerDeathWhileBusyRequeuesItsEvent() {
        ListenerPool pool = pool(10, one);
        publishGroups(1);
        pool.onOutput(one, ascii("READY\n"));
        pool.dispatch();
        one.state = ProcessState.EXITED;
        pool.onExited(one);
        assertThat(pool.buffered()).extracting(PostedEvent::serial).containsExactly(0);
        one.state = ProcessState.STARTING;
        pool.onSpawned(one);
        assertThat(pool.listenerState(one)).isEqualTo(ListenerState.ACKNOWLEDGED);
        one.state = ProcessState.RUNNING;
        pool.onOutput(one, ascii("READY\n"));
        pool.dispatch();
        assertThat(one.serials()).containsExactly(0, 0);
    }

    @Test
    void listenerDeathWhileIdleRequeuesNothing() {
        ListenerPool pool = pool(10, one);
        pool.onOutput(one, ascii("READY\n"));
        pool.onExited(one);
        assertThat(pool.bufferedCount()).isZero();
    }

    @Test
    void poolSerialsArePerPoolAndWrap() {
        ListenerPool a = pool(10, one);
        ListenerPool b = new ListenerPool(new ListenerPool.Settings("b", "supervisor", 10,
                List.of(EventType.PROCESS_GROUP_REMOVED), ResultHandler.DEFAULT), List.of(two), log);
        bus.subscribe(b);
        b.setLastPoolSerial(Integer.MAX_VALUE);
        bus.publish(ProcessGroupEvent.added("x"));
        bus.publish(ProcessGroupEvent.removed("x"));
        PostedEvent removed = b.buffered().get(0);
        assertThat(removed.serial()).isEqualTo(1);
        assertThat(removed.poolSerial("pool")).hasValue(1);
        assertThat(removed.poolSerial("b")).hasValue(0);
        assertThat(a.bufferedCount()).isEqualTo(2);
    }

    @Test
    void aPoolSubscribedTwiceToAnEventBuffersItTwice() {
        ListenerPool pool = new ListenerPool(new ListenerPool.Settings("p", "supervisor", 10,
                List.of(EventType.EVENT, EventType.TICK_5), ResultHandler.DEFAULT), List.of(one), log);
        bus.subscribe(pool);
        bus.publish(new TickEvent(EventType.TICK_5, 5));
        assertThat(pool.buffered()).extracting(PostedEvent::serial).containsExactly(0, 0);
        assertThat(log.take()).containsExactly("DEBG rebuffering event 0 for pool p (buf size=1, max=10)");
    }

    @Test
    void settingsComeFromTheGroupConfig() {
        GroupConfig group = new GroupConfig(GroupKind.EVENTLISTENER, "listener", -1, List.of(),
                new EventListenerPoolSettings(5, List.of("PROCESS_STATE", "TICK_60"),
                        EventListenerPoolSettings.DEFAULT_RESULT_HANDLER), null);
        ListenerPool.Settings settings = ListenerPool.Settings.from(group, "myid");
        assertThat(settings.name()).isEqualTo("listener");
        assertThat(settings.identifier()).isEqualTo("myid");
        assertThat(settings.bufferSize()).isEqualTo(5);
        assertThat(settings.events()).containsExactly(EventType.PROCESS_STATE, EventType.TICK_60);
        assertThat(settings.resultHandler()).isSameAs(ResultHandler.DEFAULT);
    }

    private void publishGroups(int n) {
        for (int i = 0; i < n; i++) {
            bus.publish(ProcessGroupEvent.added(Integer.toString(i)));
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
