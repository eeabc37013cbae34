package jsupervisor.daemon.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import jsupervisor.daemon.process.ProcessState;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives a listener written with the real {@code supervisor.childutils} through our {@link ListenerPool},
 * {@link ListenerProtocol} and {@link Envelope}: it must parse every event we send (it records what
 * {@code get_headers} and {@code eventdata} gave it, which we compare with what we wrote), and its OK, FAIL and
 * crash mid-event must be handled as Supervisor does (re-queued, redelivered with the same serials).
 */
class ChildutilsListenerIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** The listener, written against the real {@code supervisor.childutils}. */
    private static final String LISTENER = """
            # An event listener written with the real supervisor.childutils, driven by ChildutilsListenerIT.
            # For each event it appends what childutils parsed to argv[1], then answers:
            #   REMOTE_COMMUNICATION type:fail  -> FAIL the first two times it sees that serial, then OK
            #   REMOTE_COMMUNICATION type:crash -> exits mid-event the first time (marker file argv[2]), then OK
            #   anything else                   -> OK
            import os
            import sys

            from supervisor import childutils

            record_path, crash_marker = sys.argv[1], sys.argv[2]
            fails = {}

            while True:
                headers, payload = childutils.listener.wait(sys.stdin, sys.stdout)
                line = ' '.join('%s=%s' % kv for kv in sorted(headers.items()))
                line += ' | ' + payload.encode('utf-8').hex()
                comm_type = None
                if '\\n' in payload:
                    pheaders, data = childutils.eventdata(payload)
                    line += ' | ' + ' '.join('%s=%s' % kv for kv in sorted(pheaders.items()))
                    line += ' | ' + data.encode('utf-8').hex()
                    comm_type = pheaders.get('type')
                with open(record_path, 'a', encoding='utf-8') as record:
                    record.write(line + '\\n')
                if headers['eventname'] == 'REMOTE_COMMUNICATION' and comm_type == 'fail':
                    seen = fails.get(headers['serial'], 0)
                    fails[headers['serial']] = seen + 1
                    if seen < 2:
                        childutils.listener.fail(sys.stdout)
                        continue
                if headers['eventname'] == 'REMOTE_COMMUNICATION' and comm_type == 'crash':
                    if not os.path.exists(crash_marker):
                        open(crash_marker, 'w').close()
                        os._exit(3)
                childutils.listener.ok(sys.stdout)
            """;

    @TempDir
    Path dir;

    @Test
    void realChildutilsListenerParsesEveryEventAndIsHandledOnOkFailAndCrash() throws Exception {
        RealSupervisor.assumeInstalled();
        Path script = dir.resolve("listener.py");
        Files.writeString(script, LISTENER);
        Path record = dir.resolve("record.txt");
        PipedListener listener = new PipedListener("listener", List.of(RealSupervisor.PYTHON.toString(),
                script.toString(),
                record.toString(), dir.resolve("crashed").toString()), dir.resolve("stderr.txt"));
        RecordingLog log = new RecordingLog();
        EventBus bus = new EventBus();
        ListenerPool pool = new ListenerPool(new ListenerPool.Settings("listener", "supervisor", 50,
                List.of(EventType.EVENT), ResultHandler.DEFAULT), List.of(listener), log);
        bus.subscribe(pool);
        List<Event> events = events();
        events.forEach(bus::publish);
        try {
            listener.start();
            pool.onSpawned(listener);
            drive(pool, listener);
        } finally {
            listener.destroyAll();
        }

        String stderr = Files.readString(dir.resolve("stderr.txt"));
        assertThat(Files.readAllLines(record, StandardCharsets.UTF_8)).as("listener stderr: %s", stderr)
                .containsExactlyElementsOf(listener.written.stream().map(ChildutilsListenerIT::asParsed).toList());
        List<Integer> serials = listener.written.stream().map(ChildutilsListenerIT::serial).toList();
        // 13 events; "fail" (serial 7) delivered 3 times, re-queued at the head each time; "crash" (10) twice
        assertThat(serials).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 7, 7, 8, 9, 10, 10, 11, 12);
        assertThat(listener.written.get(13)).isEqualTo(listener.written.get(12));
        assertThat(log.lines).contains("WARN listener: event was rejected",
                "DEBG rebuffering event 7 for pool listener (buf size=5, max=50)",
                "DEBG rebuffering event 10 for pool listener (buf size=2, max=50)");
        assertThat(pool.bufferedCount()).isZero();
        assertThat(pool.listenerState(listener)).isEqualTo(ListenerState.READY);
    }

    /** Plays the loop: dispatch, read the listener's output, restart it when it dies; until all is acknowledged. */
    private static void drive(ListenerPool pool, PipedListener listener) throws Exception {
        for (int rounds = 0; rounds < 500; rounds++) {
            if (pool.bufferedCount() == 0 && pool.listenerState(listener) == ListenerState.READY) {
                return;
            }
            pool.dispatch();
            PipedListener.Chunk chunk = listener.next(WAIT);
            if (chunk.eof()) {
                assertThat(listener.awaitExit(WAIT)).as("only the planned crash ends the listener").isEqualTo(3);
                pool.onExited(listener);
                listener.start();
                pool.onSpawned(listener);
            } else {
                pool.onOutput(listener, chunk.data());
            }
        }
        throw new AssertionError("events were not all acknowledged");
    }

    private static List<Event> events() {
        byte[] undecodable = {'o', 'k', (byte) 0xff, '\n'};
        return new ArrayList<>(List.of(
                SupervisorStateChangeEvent.RUNNING,
                ProcessGroupEvent.added("listener"),
                new ProcessStateEvent(ProcessState.STARTING, "listener", "listener", ProcessState.STOPPED, false, 0, 0),
                new ProcessStateEvent(ProcessState.RUNNING, "comm", "comm", ProcessState.STARTING, false, 0, 24839),
                new TickEvent(EventType.TICK_5, 1795497215L),
                new RemoteCommunicationEvent("mytype", "my data"),
                new RemoteCommunicationEvent("té", "déta ✓ 😀 counted in code points"),
                new RemoteCommunicationEvent("fail", "reject me twice"),
                ProcessCommunicationEvent.of(Channel.STDOUT, "comm", "comm", 24839,
                        "captured data".getBytes(StandardCharsets.UTF_8)),
                ProcessLogEvent.of(Channel.STDERR, "p", "g", 7, undecodable),
                new RemoteCommunicationEvent("crash", "die while busy"),
                new ProcessStateEvent(ProcessState.EXITED, "p", "g", ProcessState.RUNNING, true, 0, 7),
                ProcessGroupEvent.removed("x")));
    }

    /** What the listener records for an envelope we wrote, computed from our side of the wire. */
    private static String asParsed(String envelope) {
        int nl = envelope.indexOf('\n');
        String payload = envelope.substring(nl + 1);
        String line = sortedPairs(envelope.substring(0, nl)) + " | " + hex(payload);
        int pnl = payload.indexOf('\n');
        if (pnl >= 0) {
            line += " | " + sortedPairs(payload.substring(0, pnl)) + " | " + hex(payload.substring(pnl + 1));
        }
        return line;
    }

    private static String sortedPairs(String headerLine) {
        return List.of(headerLine.trim().split("\\s+")).stream().filter(s -> !s.isEmpty())
                .map(token -> token.split(":", 2)).sorted(Comparator.comparing(kv -> kv[0]))
                .map(kv -> kv[0] + "=" + kv[1]).reduce((a, b) -> a + " " + b).orElse("");
    }

    private static String hex(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
    }

    private static int serial(String envelope) {
        return Integer.parseInt(envelope.split(" ")[2].substring("serial:".length()));
    }
}
