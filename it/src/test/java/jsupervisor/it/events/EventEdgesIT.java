package jsupervisor.it.events;

import static jsupervisor.it.events.EventRecord.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jsupervisor.common.xmlrpc.XmlRpcValue;

/**
 * Event edges found by comparing with the reference, both daemons on {@code events/edges.conf}: what a
 * PROCESS_LOG event carries under strip_ansi, a listener's own stderr as events for other pools, and the
 * STOPPING event reaching a listener that the shutdown stops after an idle program.
 */
class EventEdgesIT {
    @TempDir
    Path dir;

    private DaemonPair pair;

    @AfterEach
    void closeDaemons() throws InterruptedException {
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void logEventsListenerStderrAndTheStoppingEvent() throws Exception {
        assumeTrue(Files.exists(EventDaemon.REFERENCE_PACKAGE), "needs the supervisor package");
        pair = DaemonPair.start(dir, "edges.conf");
        pair.await("color's output, stripped", r -> count(r, "logs", "PROCESS_LOG_STDOUT", "red plain") == 1);
        pair.act(d -> d.rpc("supervisor.sendRemoteCommEvent", XmlRpcValue.of("t"), XmlRpcValue.of("x")));
        pair.await("noisy's stderr as an event", r -> count(r, "logs", "PROCESS_LOG_STDERR", "err REMOTE") == 1);
        pair.terminate();
        for (EventDaemon d : pair.both()) {
            var records = d.records();
            assertThat(records).as(d.kind + ": no ANSI sequence in any payload")
                    .noneMatch(r -> r.payload().contains("\u001b"));
            assertThat(count(records, "stopper", "SUPERVISOR_STATE_CHANGE_STOPPING", "")).as(d.kind + ": STOPPING")
                    .isEqualTo(1);
        }
    }
}
