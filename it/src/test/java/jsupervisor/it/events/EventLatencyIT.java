package jsupervisor.it.events;

import static jsupervisor.it.events.EventRecord.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import jsupervisor.it.Await;

/**
 * Events go out when they happen, not when the loop next wakes for something else. Supervisor polls every
 * second; our loop sleeps until its next deadline, so an event published after a pass's dispatch (here by the
 * SIGTERM handler, while a program that ignores SIGTERM holds the shutdown up for stopwaitsecs and the next
 * deadline is seconds away) must still be sent at once. The reference is bounded by its poll: one second to
 * notice the signal, one more before it dispatches.
 */
class EventLatencyIT {
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
    void stoppingIsSentWhileAStubbornProgramHoldsUpTheShutdown(EventDaemon.Kind kind) throws Exception {
        assumeTrue(Files.exists(EventDaemon.REFERENCE_PACKAGE), "needs the supervisor package");
        daemon = EventDaemon.spawn(kind, dir, DaemonPair.resource("stubborn.conf"));
        daemon.awaitAnswering();
        Await.until("super READY", EventDaemon.TIMEOUT, () -> daemon.log().contains("super: ACKNOWLEDGED -> READY")
                && daemon.log().contains("success: stubborn entered RUNNING"));
        double sent = System.currentTimeMillis() / 1000.0;
        daemon.requestStop();
        daemon.awaitRecords("STOPPING events", r -> count(r, "super", "SUPERVISOR_STATE_CHANGE_STOPPING", "") == 1
                && count(r, "super", "PROCESS_STATE_STOPPING", "processname:stubborn") == 1);
        double bound = kind == EventDaemon.Kind.OURS ? 1.0 : 2.5; // both well under stopwaitsecs=3
        for (EventRecord r : daemon.records()) {
            if (r.eventName().endsWith("STOPPING")) {
                assertThat(r.received() - sent).as("delay of %s", r).isLessThan(bound);
            }
        }
        daemon.awaitExit();
    }
}
