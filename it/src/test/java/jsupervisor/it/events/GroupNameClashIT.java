package jsupervisor.it.events;

import static jsupervisor.it.events.EventRecord.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jsupervisor.common.xmlrpc.XmlRpcValue;

/**
 * {@code [program:dup]} and {@code [eventlistener:dup]} in one config: like the reference, only the pool (first
 * in priority order) becomes a group, the program is ignored, and the daemon still shuts down. Two groups of one
 * name used to run side by side and leave the loop unable to reap one of them, so SIGTERM never ended it.
 */
class GroupNameClashIT {
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
    void theGroupThatSortsFirstWinsAndTheOtherIsIgnored() throws Exception {
        assumeTrue(Files.exists(EventDaemon.REFERENCE_PACKAGE), "needs the supervisor package");
        pair = DaemonPair.start(dir, "name-clash.conf");
        pair.await("other RUNNING", r -> count(r, "dup", "PROCESS_STATE_RUNNING", "processname:other ") == 1);
        List<String> reference = processes(pair.reference);
        assertThat(processes(pair.ours)).isEqualTo(reference);
        assertThat(reference).containsExactly("dup:dup RUNNING", "other:other RUNNING");
        pair.terminate(); // fails if a daemon does not exit
    }

    /** {@code group:name STATE} of every process the daemon runs. */
    private static List<String> processes(EventDaemon d) {
        return d.rpc("supervisor.getAllProcessInfo").asList().stream().map(XmlRpcValue::asStruct)
                .map(s -> s.getString("group") + ":" + s.getString("name") + " " + s.getString("statename"))
                .toList();
    }
}
