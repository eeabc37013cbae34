package jsupervisor.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jsupervisor.common.xmlrpc.Captured;
import jsupervisor.common.xmlrpc.XmlRpcReader;
import jsupervisor.common.xmlrpc.XmlRpcWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupervisorStateCodeTest {

    @ParameterizedTest
    @CsvSource({"FATAL, 2, true", "RUNNING, 1, true", "RESTARTING, 0, false", "SHUTDOWN, -1, false"})
    void codesAreSupervisorsAndOnlyRunningOrAboveAllowsRpc(SupervisorStateCode mood, int code, boolean allowsRpc) {
        assertThat(mood.code()).isEqualTo(code);
        assertThat(SupervisorStateCode.fromCode(code)).isSameAs(mood);
        assertThat(mood.allowsRpc()).isEqualTo(allowsRpc);
    }

    @Test
    void unknownCodeIsRefused() {
        assertThatThrownBy(() -> SupervisorStateCode.fromCode(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void getStateAnswerIsByteForByteSupervisors() throws Exception {
        byte[] captured = Captured.bytes("response-getState.xml");
        assertThat(XmlRpcWriter.methodResponse(SupervisorStateCode.RUNNING.toStruct())).isEqualTo(captured);
        assertThat(SupervisorStateCode.fromStruct(new XmlRpcReader().readMethodResponse(captured).asStruct()))
                .isSameAs(SupervisorStateCode.RUNNING);
    }
}
