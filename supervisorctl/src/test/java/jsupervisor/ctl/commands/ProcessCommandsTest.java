package jsupervisor.ctl.commands;

import static jsupervisor.ctl.testing.FakeRpc.list;
import static jsupervisor.ctl.testing.FakeRpc.result;
import static org.assertj.core.api.Assertions.assertThat;

import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.ctl.testing.Session;
import org.junit.jupiter.api.Test;

class ProcessCommandsTest {
    private final Session s = new Session();

    @Test
    void startWithoutNamesIsInvalidArgs() {
        assertThat(s.run("start"))
                .startsWith("Error: start requires a process name\nstart <name>\t\tStart a process\n");
        assertThat(s.exitStatus()).isEqualTo(2);
    }

    @Test
    void startMapsFaultsToResultLinesAndStatuses() {
        s.rpc.fails("startProcess", 50, "SPAWN_ERROR: quick");
        assertThat(s.run("start quick")).isEqualTo("quick: ERROR (spawn error)\n");
        assertThat(s.exitStatus()).isEqualTo(7);
    }

    @Test
    void alreadyStartedDoesNotChangeTheStatus() {
        s.rpc.fails("startProcess", 60, "ALREADY_STARTED: grp:ga");
        assertThat(s.run("start grp:ga")).isEqualTo("grp:ga: ERROR (already started)\n");
        assertThat(s.exitStatus()).isZero();
    }

    @Test
    void startUnknownGroupIsInvalidArgs() {
        s.rpc.fails("startProcessGroup", 10, "BAD_NAME: zz");
        assertThat(s.run("start zz:*")).isEqualTo("zz: ERROR (no such group)\n");
        assertThat(s.exitStatus()).isEqualTo(2);
    }

    @Test
    void startAllPrintsEveryResult() {
        s.rpc.returns("startAllProcesses", list(result("a", "a", 80, "OK"), result("g", "b", 21, "NOT_EXECUTABLE")));
        assertThat(s.run("start all")).isEqualTo("a: started\ng:b: ERROR (file is not executable)\n");
        assertThat(s.exitStatus()).isEqualTo(1);
        assertThat(s.rpc.calls).containsExactly("getVersion()", "startAllProcesses()");
    }

    @Test
    void unknownResultCodeIsTheCatchAllLine() {
        s.rpc.fails("startProcess", 30, "FAILED");
        assertThat(s.run("start x")).startsWith("error: <class 'ValueError'>, Unknown result code 30 for x: file: ");
        assertThat(s.exitStatus()).isEqualTo(1);
    }

    @Test
    void stopIgnoresNotRunningAndPrintsFailedVerbatim() {
        s.rpc.fails("stopProcess", 70, "NOT_RUNNING: x");
        assertThat(s.run("stop x")).isEqualTo("x: ERROR (not running)\n");
        assertThat(s.exitStatus()).isZero();
        s.rpc.returns("stopProcessGroup", list(result("g", "a", 30, "FAILED: boom")));
        assertThat(s.run("stop g:")).isEqualTo("FAILED: boom\n");
        assertThat(s.exitStatus()).isEqualTo(1);
    }

    @Test
    void restartStopsThenStarts() {
        s.rpc.on("stopProcess", p -> XmlRpcValue.of(true)).on("startProcess", p -> XmlRpcValue.of(true));
        assertThat(s.run("restart x")).isEqualTo("x: stopped\nx: started\n");
        assertThat(s.rpc.calls).containsExactly("getVersion()", "getVersion()", "stopProcess(x)", "getVersion()",
                "startProcess(x)");
    }

    @Test
    void signalNotRunningIsSeven() {
        s.rpc.fails("signalProcess", 70, "NOT_RUNNING: x");
        assertThat(s.run("signal HUP x")).isEqualTo("x: ERROR (not running)\n");
        assertThat(s.exitStatus()).isEqualTo(7);
        assertThat(s.rpc.calls).contains("signalProcess(x, HUP)");
    }

    @Test
    void signalNeedsTwoArguments() {
        assertThat(s.run("signal HUP")).startsWith("Error: signal requires a signal name and a process name\n");
        assertThat(s.exitStatus()).isEqualTo(1);
    }
}
