package jsupervisor.daemon.rpc;

import static jsupervisor.common.xmlrpc.XmlRpcValue.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jsupervisor.common.xmlrpc.XmlRpcValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The methods about supervisord itself, the system namespace, and the shutdown check. */
class DaemonMethodsIT {
    @TempDir
    Path dir;
    RpcHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new RpcHarness(dir, """
                [program:sleeper]
                command=/bin/sleep 1000
                startsecs=0

                [program:stubborn]
                command=/bin/sh -c "trap '' TERM; echo ready; exec /bin/sleep 1000"
                stdout_logfile=%(here)s/stubborn.out
                startsecs=0
                stopwaitsecs=2
                autostart=false
                """);
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    @Test
    void versionsIdentificationStateAndPid() throws Exception {
        assertThat(h.call("supervisor.getAPIVersion")).isEqualTo(of("3.0"));
        assertThat(h.call("supervisor.getVersion")).isEqualTo(of("3.0"));
        assertThat(h.call("supervisor.getSupervisorVersion")).isEqualTo(of("4.2.5"));
        assertThat(h.call("supervisor.getIdentification")).isEqualTo(of("rpc-it"));
        assertThat(h.call("supervisor.getState")).isEqualTo(XmlRpcValue.Struct.builder()
                .put("statecode", 1).put("statename", "RUNNING").build());
        assertThat(h.call("supervisor.getPID")).isEqualTo(of(ProcessHandle.current().pid()));
    }

    @Test
    void listMethodsMatchesSupervisor() throws Exception {
        List<String> names = h.call("system.listMethods").asList().stream().map(XmlRpcValue::asString).toList();
        assertThat(names).hasSize(41).isSorted().contains("supervisor.readMainLog", "supervisor.tailProcessLog",
                "supervisor.clearProcessLog", "system.multicall");
    }

    @Test
    void signaturesMatchTheReference() throws Exception {
        for (String line : Files.readAllLines(Path.of(getClass().getResource("reference-signatures.txt").toURI()))) {
            String[] parts = line.split(" ");
            List<XmlRpcValue> expected = List.of(parts).subList(1, parts.length).stream()
                    .map(XmlRpcValue::of).map(XmlRpcValue.class::cast).toList();
            assertThat(h.call("system.methodSignature", of(parts[0])).asList()).as(parts[0]).isEqualTo(expected);
        }
    }

    @Test
    void methodHelpIsSupervisorsDocstring() throws Exception {
        assertThat(h.call("system.methodHelp", of("supervisor.addProcessGroup"))).isEqualTo(of(
                " Update the config for a running process from config file.\n\n"
                        + "        @param string name         name of process group to add\n"
                        + "        @return boolean result     true if successful\n        "));
        assertThat(h.call("system.methodHelp", of("supervisor.getVersion")))
                .isEqualTo(h.call("system.methodHelp", of("supervisor.getAPIVersion")));
        assertThat(h.fault("system.methodHelp", of("supervisor.nope")).faultString())
                .isEqualTo("SIGNATURE_UNSUPPORTED");
        assertThat(h.fault("system.methodSignature", of("nope")).faultCode()).isEqualTo(4);
    }

    @Test
    void unknownPrivateAndMalformedNames() throws Exception {
        for (String name : List.of("supervisor._update", "supervisor.nope", "nope.x", "a.b.c", "getState",
                "supervisor.", "supervisor.supervisord", "system._listMethods")) {
            assertThat(h.fault(name).faultString()).as(name).isEqualTo("UNKNOWN_METHOD");
        }
    }

    @Test
    void wrongArityAndTypesAreIncorrectParameters() throws Exception {
        assertThat(h.fault("supervisor.getState", of(1)).faultString()).isEqualTo("INCORRECT_PARAMETERS");
        assertThat(h.fault("supervisor.getProcessInfo").faultCode()).isEqualTo(2);
        assertThat(h.fault("supervisor.startProcess", of("a"), of(true), of(1)).faultCode()).isEqualTo(2);
        assertThat(h.fault("supervisor.readLog", of("x"), of(0)).faultCode()).isEqualTo(2);
        assertThat(h.fault("supervisor.getProcessInfo", of(5)).faultCode()).isEqualTo(2);
        assertThat(h.call("supervisor.readLog", of("0"), of(0)).asString()).contains("spawned:");
    }

    @Test
    void readLogAndClearLog() throws Exception {
        h.await("the main log to settle", () -> readLog(0, 0).contains("success: sleeper"));
        String all = readLog(0, 0);
        assertThat(readLog(-10, 0)).isEqualTo(all.substring(all.length() - 10));
        assertThat(readLog(2, 5)).isEqualTo(all.substring(2, 7));
        assertThat(h.fault("supervisor.readLog", of(-1), of(1)).faultString()).isEqualTo("BAD_ARGUMENTS");
        assertThat(h.fault("supervisor.readLog", of(0), of(-1)).faultString()).isEqualTo("BAD_ARGUMENTS");
        assertThat(h.call("supervisor.readMainLog", of(1_000_000), of(0))).isEqualTo(of(""));
        assertThat(h.call("supervisor.clearLog")).isEqualTo(of(true));
        assertThat(readLog(0, 0)).doesNotContain("spawned");
    }

    private String readLog(int offset, int length) {
        try {
            return h.call("supervisor.readLog", of(offset), of(length)).asString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shutdownRefusesFurtherCallsButRemoteCommEvents() throws Exception {
        h.call("supervisor.startProcess", of("stubborn"));
        h.awaitFile("stubborn.out", "ready\n"); // TERM is ignored from now on
        assertThat(h.call("supervisor.shutdown")).isEqualTo(of(true));
        // stubborn ignores SIGTERM, so the loop keeps running (in SHUTDOWN) until its SIGKILL 2 s later
        RpcAnswer a = h.answer("supervisor.getState");
        assertThat(a).isInstanceOf(RpcAnswer.Fault.class);
        assertThat(((RpcAnswer.Fault) a).fault().faultString()).isEqualTo("SHUTDOWN_STATE");
        assertThat(h.fault("supervisor.startProcess", of("sleeper")).faultCode()).isEqualTo(6);
        assertThat(h.fault("supervisor.signalAllProcesses", of("HUP")).faultCode()).isEqualTo(6);
        assertThat(h.call("supervisor.sendRemoteCommEvent", of("t"), of("d"))).isEqualTo(of(true));
    }

    @Test
    void remoteCommEventIsAccepted() throws Exception {
        assertThat(h.call("supervisor.sendRemoteCommEvent", of("type"), of("data"))).isEqualTo(of(true));
    }
}
