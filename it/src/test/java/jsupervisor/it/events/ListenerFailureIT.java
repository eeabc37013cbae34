package jsupervisor.it.events;

import static jsupervisor.it.events.EventRecord.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jsupervisor.common.xmlrpc.XmlRpcValue;

/**
 * Listeners that break the protocol (REFERENCE.md §10.3–10.4), against the reference supervisord and ours in
 * lockstep: one answers FAIL twice per event, one dies in the middle of its first event, one never answers its
 * first event (its small buffer overflows), one greets with garbage, one sends a result line without a length.
 * What each pool's listener was sent, and each pool's log lines (dispatch, re-buffering, overflow, protocol
 * states), must be the same on both sides, line for line.
 */
class ListenerFailureIT {
    private static final Pattern STAMP = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} ");

    @TempDir
    Path dir;

    private DaemonPair pair;

    @BeforeEach
    void needsTheReference() {
        assumeTrue(Files.exists(EventDaemon.REFERENCE_PACKAGE), "needs the supervisor package");
    }

    @AfterEach
    void closeDaemons() throws InterruptedException {
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void misbehavingListenersAreHandledAsTheReferenceHandlesThem() throws Exception {
        pair = DaemonPair.start(dir, "failures.conf");
        for (String listener : List.of("picky", "crashy", "mute", "sloppy")) {
            pair.awaitLog("DEBG " + listener + ": ACKNOWLEDGED -> READY");
        }
        pair.awaitLog("WARN rude: has entered the UNKNOWN state");
        for (int i = 0; i < 6; i++) {
            String data = "\ne" + i;
            int crashyDeliveries = i == 0 ? 2 : 1; // the first is lost with the crash and re-sent to the new one
            pair.act(d -> remote(d, data.substring(1)));
            pair.await("e" + i + " handled", r -> count(r, "picky", "REMOTE_COMMUNICATION", data) == 3
                    && count(r, "crashy", "REMOTE_COMMUNICATION", data) == crashyDeliveries);
            if (i == 0) {
                // the next event must find sloppy already UNKNOWN, for its log lines to be the same on both sides
                pair.awaitLog("WARN sloppy: has entered the UNKNOWN state");
            }
        }
        // mute holds e0 and its buffer of 3 has dropped e1 and e2; rude and sloppy are UNKNOWN with all six
        pair.act(d -> {
            for (String listener : List.of("mute", "rude", "sloppy")) {
                d.rpc("supervisor.stopProcess", XmlRpcValue.of(listener));
                d.rpc("supervisor.startProcess", XmlRpcValue.of(listener));
            }
        });
        pair.await("the restarted listeners caught up", r -> deliveries(r, "mute").size() == 4
                && deliveries(r, "rude").size() == 6 && deliveries(r, "sloppy").size() == 7);
        pair.terminate();

        for (String pool : List.of("picky", "crashy", "mute", "rude", "sloppy")) {
            assertThat(deliveries(pair.ours.records(), pool)).as("what %s was sent", pool)
                    .isEqualTo(deliveries(pair.reference.records(), pool));
            assertThat(eventLog(pair.ours.log(), pool)).as("the log lines of pool %s", pool)
                    .isEqualTo(eventLog(pair.reference.log(), pool));
        }
        List<EventRecord> ours = pair.ours.records();
        assertThat(serials(ours, "picky")).containsExactly(0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5);
        assertThat(serials(ours, "crashy")).containsExactly(0, 0, 1, 2, 3, 4, 5);
        // e0 came back to the head of a full buffer when mute was stopped, pushing out e3
        assertThat(serials(ours, "mute")).containsExactly(0, 0, 4, 5);
        assertThat(serials(ours, "rude")).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(serials(ours, "sloppy")).containsExactly(0, 0, 1, 2, 3, 4, 5);
        assertThat(eventLog(pair.ours.log(), "mute")).containsSubsequence(
                "ERRO pool mute event buffer overflowed, discarding event 1",
                "ERRO pool mute event buffer overflowed, discarding event 2",
                "WARN stopped: mute (terminated by SIGTERM)",
                "DEBG rebuffering event 0 for pool mute (buf size=3, max=3)",
                "ERRO pool mute event buffer overflowed, discarding event 3");
        assertThat(eventLog(pair.ours.log(), "sloppy")).containsSubsequence(
                "WARN sloppy: bad result line: 'RESULT two'", "DEBG sloppy: BUSY -> UNKNOWN");
    }

    /**
     * Deliberate deviation (docs/compatibility.md): Supervisor hands a rejected event to every pool that holds a
     * process of the same priority as the rejecting one, because its {@code Subprocess.__eq__} compares
     * priorities; a pool subscribed to the event gets it twice, and one that is not gets it anyway. Ours gives
     * it back to its own pool only.
     */
    @Test
    void aRejectedEventGoesBackToItsOwnPoolOnly() throws Exception {
        pair = DaemonPair.start(dir, "same-priority.conf");
        for (String listener : List.of("picky", "bystander", "elsewhere")) {
            pair.awaitLog("DEBG " + listener + ": ACKNOWLEDGED -> READY");
        }
        pair.act(d -> remote(d, "e0"));
        pair.await("picky took e0 the second time", r -> count(r, "picky", "REMOTE_COMMUNICATION", "\ne0") == 2);
        // e1 goes to the back of bystander's buffer: a duplicate e0 there would be sent before it
        pair.act(d -> remote(d, "e1"));
        pair.await("e1", r -> count(r, "bystander", "REMOTE_COMMUNICATION", "\ne1") >= 1
                && count(r, "picky", "REMOTE_COMMUNICATION", "\ne1") == 2);
        pair.reference.awaitRecords("the reference's stray copy", r -> count(r, "elsewhere", "REMOTE_COMMUNICATION",
                "\ne0") == 1);
        pair.terminate();

        // (picky rejects e1 once too, so the reference may also have sent bystander a second e1 by now)
        assertThat(remoteData(pair.reference.records(), "bystander")).startsWith("e0", "e0", "e1");
        assertThat(remoteData(pair.ours.records(), "bystander")).containsExactly("e0", "e1");
        assertThat(count(pair.ours.records(), "elsewhere", "REMOTE_COMMUNICATION", "")).isZero();
    }

    private static void remote(EventDaemon d, String data) {
        d.rpc("supervisor.sendRemoteCommEvent", XmlRpcValue.of("t"), XmlRpcValue.of(data));
    }

    /** What the pool's listener was sent, in order: serial, poolserial, name and payload of each delivery. */
    private static List<String> deliveries(List<EventRecord> records, String pool) {
        return records.stream().filter(r -> r.pool().equals(pool)).map(r -> "serial:" + r.serial() + " poolserial:"
                + r.poolSerial() + " " + r.eventName() + " " + r.payload().replace("\n", "\\n")).toList();
    }

    /** The data of the REMOTE_COMMUNICATION events the pool was sent, in order. */
    private static List<String> remoteData(List<EventRecord> records, String pool) {
        return records.stream().filter(r -> r.is(pool, "REMOTE_COMMUNICATION", ""))
                .map(r -> r.payload().substring(r.payload().indexOf('\n') + 1)).toList();
    }

    private static List<Integer> serials(List<EventRecord> records, String pool) {
        return records.stream().filter(r -> r.pool().equals(pool)).map(EventRecord::serial).toList();
    }

    /**
     * The main-log lines about one pool's events and its listener (a pool here has one process, named like it):
     * dispatch, EPIPE, re-buffering, overflow, protocol state changes and results, and its exits, which decide
     * where re-buffering happens. Without timestamps.
     */
    static List<String> eventLog(String log, String pool) {
        String p = Pattern.quote(pool);
        Pattern line = Pattern.compile("[A-Z]{4} (event \\d+ sent to listener " + p + "|epipe occurred while sending "
                + "event \\d+ to listener " + p + ",.*|rebuffering event \\d+ for pool " + p + " .*|pool " + p
                + " event buffer overflowed.*|" + p + ": .*|(exited|stopped): " + p + " .*)");
        List<String> lines = new ArrayList<>();
        for (String l : log.split("\n")) {
            String text = STAMP.matcher(l).replaceFirst("");
            if (!text.equals(l) && line.matcher(text).matches()) {
                lines.add(text);
            }
        }
        return lines;
    }
}
