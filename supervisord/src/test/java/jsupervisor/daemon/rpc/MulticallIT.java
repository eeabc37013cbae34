package jsupervisor.daemon.rpc;

import static jsupervisor.common.xmlrpc.XmlRpcValue.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import jsupervisor.common.xmlrpc.XmlRpcValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** system.multicall: raw values, fault structs, and sequential sub-calls behind a waiting one. */
class MulticallIT {
    @TempDir
    Path dir;
    RpcHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new RpcHarness(dir, """
                [program:slow]
                command=/bin/sleep 1000
                autostart=false
                startsecs=1
                """);
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    private static XmlRpcValue call(String name, XmlRpcValue... params) {
        return XmlRpcValue.Struct.builder().put("methodName", name).put("params", XmlRpcValue.array(params))
                .build();
    }

    private static XmlRpcValue fault(int code, String text) {
        return XmlRpcValue.Struct.builder().put("faultCode", code).put("faultString", text).build();
    }

    @Test
    void resultsAreRawValuesOrFaultStructsAsTheRealDaemonAnswers() throws Exception {
        XmlRpcValue calls = XmlRpcValue.array(
                call("supervisor.getAPIVersion"),
                call("nope.x"),
                call("supervisor.getPID", of(1)),
                XmlRpcValue.Struct.builder().put("params", XmlRpcValue.array()).build(),
                call("system.multicall", XmlRpcValue.array()));
        // recorded from supervisord 4.2.5 with the same calls
        assertThat(h.call("system.multicall", calls).asList()).containsExactly(
                of("3.0"),
                fault(1, "UNKNOWN_METHOD"),
                fault(2, "INCORRECT_PARAMETERS"),
                fault(2, "INCORRECT_PARAMETERS: No methodName"),
                fault(2, "INCORRECT_PARAMETERS: Recursive system.multicall forbidden"));
    }

    @Test
    void aWaitingSubCallHoldsBackTheNextOnes() throws Exception {
        XmlRpcValue calls = XmlRpcValue.array(
                call("supervisor.startProcess", of("slow")),
                call("supervisor.getProcessInfo", of("slow")),
                call("supervisor.stopProcess", of("slow")),
                call("supervisor.getProcessInfo", of("slow")));
        List<XmlRpcValue> results = h.call("system.multicall", calls).asList();
        assertThat(results.get(0)).isEqualTo(of(true));
        assertThat(results.get(1).asStruct().getString("statename")).isEqualTo("RUNNING");
        assertThat(results.get(2)).isEqualTo(of(true));
        assertThat(results.get(3).asStruct().getString("statename")).isEqualTo("STOPPED");
    }

    @Test
    void emptyMulticallAndBadShapes() throws Exception {
        assertThat(h.call("system.multicall", XmlRpcValue.array())).isEqualTo(XmlRpcValue.array());
        assertThat(h.fault("system.multicall", of("x")).faultCode()).isEqualTo(2);
        assertThat(h.answer("system.multicall", XmlRpcValue.array(of(1)))).isInstanceOf(RpcAnswer.ServerError.class);
    }
}
