package jsupervisor.it.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import jsupervisor.it.Await;

/**
 * The reference supervisord and ours on the same config, driven in lockstep: each action is done on both, then
 * each daemon is waited for until its listeners have recorded the outcome, so that the next action meets both in
 * the same state. Closing ends both (and what they left behind) by pid. Used from the test thread.
 */
final class DaemonPair implements AutoCloseable {
    final EventDaemon reference;
    final EventDaemon ours;

    private DaemonPair(EventDaemon reference, EventDaemon ours) {
        this.reference = reference;
        this.ours = ours;
    }

    /** Both daemons on the resource {@code events/<config>}, answering RPCs. */
    static DaemonPair start(Path dir, String config) throws IOException, InterruptedException {
        String template = resource(config);
        EventDaemon reference = EventDaemon.spawn(EventDaemon.Kind.REFERENCE, dir.resolve("reference"), template);
        EventDaemon ours = null;
        try {
            ours = EventDaemon.spawn(EventDaemon.Kind.OURS, dir.resolve("ours"), template);
            reference.awaitAnswering();
            ours.awaitAnswering();
            return new DaemonPair(reference, ours);
        } catch (IOException | RuntimeException | Error e) {
            reference.close();
            if (ours != null) {
                ours.close();
            }
            throw e;
        }
    }

    List<EventDaemon> both() {
        return List.of(reference, ours);
    }

    /** Does {@code action} on the reference, then on ours. */
    void act(Consumer<EventDaemon> action) {
        both().forEach(action);
    }

    /** Waits on each daemon until its records satisfy {@code condition}. */
    void await(String what, Predicate<List<EventRecord>> condition) {
        for (EventDaemon d : both()) {
            d.awaitRecords(what, condition);
        }
    }

    /** Waits on each daemon until its main log contains {@code text}. */
    void awaitLog(String text) {
        for (EventDaemon d : both()) {
            Await.until(d.kind + ": '" + text + "' in the main log", EventDaemon.TIMEOUT, () -> d.log().contains(text));
        }
    }

    /** SIGTERM to both, then waits for both to exit. */
    void terminate() throws InterruptedException {
        reference.requestStop();
        ours.requestStop();
        reference.awaitExit();
        ours.awaitExit();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            reference.close();
        } finally {
            ours.close();
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = DaemonPair.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IOException("no resource events/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
