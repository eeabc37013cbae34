package jsupervisor.common.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import jsupervisor.common.xmlrpc.Python3;
import jsupervisor.common.xmlrpc.XmlRpcFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultTest {

    @ParameterizedTest
    @CsvSource({
        "UNKNOWN_METHOD, 1", "INCORRECT_PARAMETERS, 2", "BAD_ARGUMENTS, 3", "SIGNATURE_UNSUPPORTED, 4",
        "SHUTDOWN_STATE, 6", "BAD_NAME, 10", "BAD_SIGNAL, 11", "NO_FILE, 20", "NOT_EXECUTABLE, 21", "FAILED, 30",
        "ABNORMAL_TERMINATION, 40", "SPAWN_ERROR, 50", "ALREADY_STARTED, 60", "NOT_RUNNING, 70", "SUCCESS, 80",
        "ALREADY_ADDED, 90", "STILL_RUNNING, 91", "CANT_REREAD, 92"})
    void codesAreSupervisors(Fault fault, int code) {
        assertThat(fault.code()).isEqualTo(code);
        assertThat(Fault.fromCode(code)).contains(fault);
        assertThat(Fault.describe(code)).isEqualTo(fault.name());
    }

    @Test
    void tableIsExactlySupervisorsFaultsClass() throws Exception {
        byte[] out = Python3.runWithSupervisor("""
                from supervisor.xmlrpc import Faults
                print(' '.join('%s=%d' % (k, v) for k, v in sorted(vars(Faults).items(), key=lambda kv: str(kv[1]))
                               if not k.startswith('_')))
                """, new byte[0]);
        String python = Arrays.stream(new String(out, StandardCharsets.UTF_8).strip().split(" ")).sorted()
                .collect(Collectors.joining(" "));
        String ours = Arrays.stream(Fault.values()).map(f -> f.name() + "=" + f.code()).sorted()
                .collect(Collectors.joining(" "));
        assertThat(ours).isEqualTo(python);
    }

    @ParameterizedTest
    @CsvSource({"0", "5", "7", "-1", "1000"})
    void unknownCodesDescribeAsUnknown(int code) {
        assertThat(Fault.fromCode(code)).isEmpty();
        assertThat(Fault.describe(code)).isEqualTo("UNKNOWN");
    }

    @Test
    void faultStringIsBuiltAsRpcErrorBuildsIt() {
        assertThat(Fault.BAD_NAME.faultString("foo")).isEqualTo("BAD_NAME: foo");
        assertThat(Fault.BAD_NAME.faultString("")).isEqualTo("BAD_NAME: ");
        assertThat(Fault.INCORRECT_PARAMETERS.faultString(null)).isEqualTo("INCORRECT_PARAMETERS");
        assertThat(Fault.NO_FILE.toXmlRpcFault("can't find command '/x'"))
                .isEqualTo(new XmlRpcFault(20, "NO_FILE: can't find command '/x'"));
        assertThat(Fault.SHUTDOWN_STATE.toXmlRpcFault()).isEqualTo(new XmlRpcFault(6, "SHUTDOWN_STATE"));
    }

    @Test
    void faultStringsMatchPythonRpcErrorText() throws Exception {
        byte[] out = Python3.runWithSupervisor("""
                from supervisor.xmlrpc import RPCError
                print(RPCError(10, 'web:x').text); print(RPCError(2).text); print(RPCError(5, 'x').text)
                print(RPCError(30, '').text)
                """, new byte[0]);
        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(String.join("\n",
                Fault.BAD_NAME.faultString("web:x"), Fault.INCORRECT_PARAMETERS.faultString(null),
                Fault.describe(5) + ": x", Fault.FAILED.faultString("")) + "\n");
    }

    @Test
    void matchesLooksAtTheCodeOnly() {
        assertThat(Fault.BAD_NAME.matches(new XmlRpcFault(10, "anything"))).isTrue();
        assertThat(Fault.BAD_NAME.matches(new XmlRpcFault(11, "BAD_NAME"))).isFalse();
    }
}
