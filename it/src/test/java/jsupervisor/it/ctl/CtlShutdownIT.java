package jsupervisor.it.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * shutdown and reload (with and without -i confirmation), and every command against a daemon that is
 * shutting down, ours against the reference.
 */
class CtlShutdownIT {

    @Test
    void shutdownConfirmationAndAfterwards() throws Exception {
        try (Twin twin = Twin.start("shutdown.conf", Map.of())) {
            twin.same("-c", "${CONF}", "shutdown", "now");
            twin.same("-c", "${CONF}", "reload", "now");
            twin.sameWithInput("n\n", "-c", "${CONF}", "-i", "shutdown");
            twin.sameWithInput("", "-c", "${CONF}", "-i", "reload");
            twin.sameWithInput("N\n", "-c", "${CONF}", "-i", "reload");
            twin.sameWithInput("yes\n", "-c", "${CONF}", "-i", "reload");
            twin.reference.daemon().awaitRunning();
            twin.ours.daemon().awaitRunning();
            twin.same("-c", "${CONF}", "shutdown");
            twin.reference.daemon().awaitExit();
            twin.ours.daemon().awaitExit();
            twin.same("-c", "${CONF}", "shutdown");
            twin.same("-s", "${HTTP}", "shutdown");
            twin.same("-c", "${CONF}", "status");
            twin.same("-c", "${CONF}", "reload");
        }
    }

    @Test
    void commandsWhileShuttingDown() throws Exception {
        try (Twin twin = Twin.start("stubborn.conf", Map.of())) {
            twin.same("-c", "${CONF}", "shutdown");
            for (String cmd : new String[] {"shutdown", "status", "start x", "stop all", "pid", "version", "avail",
                "reread", "update", "add x", "remove x", "reload", "tail stubborn", "maintail", "clear all"}) {
                twin.same("-c", "${CONF}", cmd);
            }
            assertThat(twin.reference.daemon().alive()).as("the reference daemon is still shutting down").isTrue();
        }
    }
}
