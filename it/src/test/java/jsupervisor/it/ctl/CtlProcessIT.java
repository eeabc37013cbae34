package jsupervisor.it.ctl;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * status, start, stop, restart, signal, pid, clear, version and the unknown-command path, in every form
 * (process, {@code group:*}, {@code group:name}, {@code all}, bad names), ours against the reference.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CtlProcessIT {
    private Twin twin;

    @BeforeAll
    void startDaemons() throws Exception {
        twin = Twin.start("main.conf", Map.of());
    }

    @AfterAll
    void stopDaemons() throws Exception {
        if (twin != null) {
            twin.close();
        }
    }

    @Test
    void statusInAllForms() throws Exception {
        twin.same("-c", "${CONF}", "status");
        twin.same("-s", "${URL}", "status");
        twin.same("-s", "${HTTP}", "status");
        twin.same("-c", "${CONF}", "status", "all");
        twin.same("-c", "${CONF}", "status", "sleeper", "grp:*");
        twin.same("-c", "${CONF}", "status", "grp:", "multi:multi_01");
        twin.same("-c", "${CONF}", "status", "nosuch", "grp:zz", "zz:*", "sleeper");
        twin.same("-c", "${CONF}", "status", "idle");
        twin.same("-c", "${CONF}", "status", "nosuch");
        twin.same("-c", "${CONF}", "status   sleeper    quiet  ");
    }

    @Test
    void startInAllForms() throws Exception {
        twin.same("-c", "${CONF}", "start");
        twin.same("-c", "${CONF}", "start", "sleeper");
        twin.same("-c", "${CONF}", "start", "nosuch", "grp:nosuch");
        twin.same("-c", "${CONF}", "start", "nosuchgroup:*");
        twin.same("-c", "${CONF}", "start", "missing");
        twin.same("-c", "${CONF}", "start", "quick");
        twin.same("-c", "${CONF}", "start", "grp:*");
        twin.same("-c", "${CONF}", "start", "idle", "a_very_long_program_name_exceeding_thirty");
        twin.same("-c", "${CONF}", "status");
        twin.same("-c", "${CONF}", "stop", "grp:gb", "idle", "a_very_long_program_name_exceeding_thirty");
    }

    @Test
    void startAllReportsEachFailure() throws Exception {
        twin.same("-c", "${CONF}", "start", "all");
        twin.same("-c", "${CONF}", "stop", "idle", "grp:gb", "nolog", "a_very_long_program_name_exceeding_thirty");
    }

    @Test
    void stopInAllForms() throws Exception {
        twin.same("-c", "${CONF}", "stop");
        twin.same("-c", "${CONF}", "stop", "idle");
        twin.same("-c", "${CONF}", "stop", "nosuch", "zz:");
        twin.sameLinesAnyOrder("-c", "${CONF}", "stop", "multi:*");
        twin.same("-c", "${CONF}", "start", "multi:");
        twin.same("-c", "${CONF}", "stop", "multi:multi_00");
        twin.same("-c", "${CONF}", "start", "multi:multi_00");
    }

    @Test
    void stopAllAndStartAll() throws Exception {
        twin.sameLinesAnyOrder("-c", "${CONF}", "stop", "all");
        twin.same("-c", "${CONF}", "status");
        twin.same("-c", "${CONF}", "start", "sleeper", "quiet", "grp:ga", "multi:*");
    }

    @Test
    void restartInAllForms() throws Exception {
        twin.same("-c", "${CONF}", "restart");
        twin.same("-c", "${CONF}", "restart", "quiet");
        twin.sameLinesAnyOrder("-c", "${CONF}", "restart", "grp:*", "nosuch");
        twin.same("-c", "${CONF}", "stop", "grp:gb");
    }

    @Test
    void signalInAllForms() throws Exception {
        twin.same("-c", "${CONF}", "signal");
        twin.same("-c", "${CONF}", "signal", "HUP");
        twin.same("-c", "${CONF}", "signal", "WINCH", "quiet");
        twin.same("-c", "${CONF}", "signal", "BOGUS", "quiet");
        twin.same("-c", "${CONF}", "signal", "WINCH", "idle");
        twin.same("-c", "${CONF}", "signal", "WINCH", "nosuch", "zz:*");
        twin.same("-c", "${CONF}", "signal", "28", "multi:*");
        twin.same("-c", "${CONF}", "signal", "WINCH", "all");
    }

    @Test
    void pidInAllForms() throws Exception {
        twin.same("-c", "${CONF}", "pid");
        twin.same("-c", "${CONF}", "pid", "all");
        twin.same("-c", "${CONF}", "pid", "sleeper", "idle");
        twin.same("-c", "${CONF}", "pid", "nosuch", "sleeper");
    }

    @Test
    void clearInAllForms() throws Exception {
        twin.same("-c", "${CONF}", "clear");
        twin.same("-c", "${CONF}", "clear", "quiet", "nosuch", "grp:");
    }

    @Test
    void versionAndUnknownCommands() throws Exception {
        twin.same("-c", "${CONF}", "version");
        twin.same("-c", "${CONF}", "version", "extra");
        twin.same("-c", "${CONF}", "frobnicate", "x");
        twin.same("-c", "${CONF}", "!ls");
        twin.same("-c", "${CONF}", "status:");
        twin.same("-c", "${CONF}", "EOF");
        twin.same("-c", "${CONF}", "quit");
        twin.same("-c", "${CONF}", "exit");
    }
}
