package jsupervisor.it.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.it.Await;

/**
 * A pool of three childutils listeners under a burst of exactly 10,000 PROCESS_LOG events (the writer waits for
 * each line to be read before writing the next, so each line is one event; only this pool subscribes, so event
 * {@code n} carries line {@code n + 1} and has serial and poolserial {@code n}). The listeners hold their first
 * event until the buffer has overflowed, so drops are certain. Every event must then be sent exactly once, in
 * serial order, except exactly those the overflow rule dropped, each of which is logged. Run against the
 * reference too, which shows the accounting is Supervisor's own.
 */
class ListenerBurstIT {
    private static final int LINES = 10_000;
    private static final Pattern SENT = Pattern.compile("DEBG event (\\d+) sent to listener (burst_\\d)\n");
    private static final Pattern DROPPED = Pattern.compile(
            "ERRO pool burst event buffer overflowed, discarding event (\\d+)\n");

    @TempDir
    Path dir;

    private EventDaemon daemon;

    @AfterEach
    void closeDaemon() throws InterruptedException {
        if (daemon != null) {
            daemon.close();
        }
    }

    @ParameterizedTest
    @EnumSource(EventDaemon.Kind.class)
    void everyEventIsSentOnceInOrderExceptThoseTheOverflowDropped(EventDaemon.Kind kind) throws Exception {
        assumeTrue(Files.exists(EventDaemon.REFERENCE_PACKAGE), "needs the supervisor package");
        daemon = EventDaemon.spawn(kind, dir, DaemonPair.resource("burst.conf"));
        daemon.awaitAnswering();
        for (int i = 0; i < 3; i++) {
            String ready = "DEBG burst_" + i + ": ACKNOWLEDGED -> READY";
            Await.until(ready, EventDaemon.TIMEOUT, () -> daemon.log().contains(ready));
        }
        long start = System.nanoTime();
        daemon.rpc("supervisor.sendProcessStdin", XmlRpcValue.of("spew"), XmlRpcValue.of("go\n"));
        Await.until("the first overflow", EventDaemon.TIMEOUT, () -> daemon.log().contains("overflowed"));
        Files.writeString(dir.resolve("gate"), ""); // the listeners go on
        // the last event is never dropped (nothing comes after it to push it out), so it marks the end of the burst
        Await.until("line " + LINES, EventDaemon.TIMEOUT, () -> daemon.recordsText().contains("line 10000\\n\""));
        Set<Integer> dropped = new TreeSet<>(numbers(DROPPED, daemon.log(), 1));
        Await.until("every event not dropped recorded", EventDaemon.TIMEOUT,
                () -> daemon.records().size() >= LINES - dropped.size());
        double seconds = (System.nanoTime() - start) / 1e9;
        daemon.rpc("supervisor.stopProcess", XmlRpcValue.of("spew"));
        daemon.requestStop();
        daemon.awaitExit();

        List<EventRecord> records = daemon.records();
        String log = daemon.log();
        System.out.printf("%s: %d events sent, %d dropped, in %.1f s%n", kind, records.size(), dropped.size(),
                seconds);
        assertThat(dropped).as("drops").isNotEmpty();
        assertThat(numbers(DROPPED, log, 1)).as("each drop logged once").hasSize(dropped.size());
        Set<Integer> delivered = new HashSet<>();
        for (EventRecord r : records) {
            assertThat(delivered.add(r.serial())).as("sent once: %s", r).isTrue();
            assertThat(r.poolSerial()).isEqualTo(r.serial());
            assertThat(r.eventName()).isEqualTo("PROCESS_LOG_STDOUT");
            assertThat(r.payload()).matches("processname:spew groupname:spew pid:\\d+ channel:stdout\n"
                    + "line %05d\n".formatted(r.serial() + 1));
        }
        assertThat(delivered).as("sent or dropped, never both").doesNotContainAnyElementsOf(dropped);
        assertThat(delivered.size() + dropped.size()).as("sent + dropped").isEqualTo(LINES);
        // dispatched in serial order, each to the listener that recorded it, and each listener saw some
        List<Integer> sent = numbers(SENT, log, 1);
        assertThat(sent).as("dispatch order").isSorted().doesNotHaveDuplicates().hasSize(records.size());
        List<String> to = strings(SENT, log, 2);
        Map<Integer, String> sentTo = new HashMap<>();
        for (int i = 0; i < sent.size(); i++) {
            sentTo.put(sent.get(i), to.get(i));
        }
        for (EventRecord r : records) {
            assertThat(sentTo.get(r.serial())).as("who was sent %s", r).isEqualTo(r.process());
        }
        assertThat(records).extracting(EventRecord::process).contains("burst_0", "burst_1", "burst_2");
    }

    private static List<Integer> numbers(Pattern p, String text, int group) {
        return strings(p, text, group).stream().map(Integer::parseInt).toList();
    }

    private static List<String> strings(Pattern p, String text, int group) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group(group));
        }
        return found;
    }
}
