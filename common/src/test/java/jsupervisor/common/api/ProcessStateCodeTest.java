package jsupervisor.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import jsupervisor.common.xmlrpc.Python3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessStateCodeTest {

    @ParameterizedTest
    @CsvSource({
        // state,   code, stopped, running, signallable
        "STOPPED,      0, true,  false, false",
        "STARTING,    10, false, true,  true",
        "RUNNING,     20, false, true,  true",
        "BACKOFF,     30, false, true,  false",
        "STOPPING,    40, false, false, true",
        "EXITED,     100, true,  false, false",
        "FATAL,      200, true,  false, false",
        "UNKNOWN,   1000, true,  false, false"})
    void codesAndGroupMembershipAreSupervisors(ProcessStateCode state, int code, boolean stopped, boolean running,
            boolean signallable) {
        assertThat(state.code()).isEqualTo(code);
        assertThat(ProcessStateCode.fromCode(code)).isSameAs(state);
        assertThat(state.isStopped()).isEqualTo(stopped);
        assertThat(state.isRunning()).isEqualTo(running);
        assertThat(state.isSignallable()).isEqualTo(signallable);
    }

    @Test
    void tableIsExactlySupervisorsStatesModule() throws Exception {
        byte[] out = Python3.runWithSupervisor("""
                from supervisor import states as s
                S = s.ProcessStates
                for k, v in sorted((k, v) for k, v in vars(S).items() if not k.startswith('_')):
                    print(k, v, v in s.STOPPED_STATES, v in s.RUNNING_STATES, v in s.SIGNALLABLE_STATES)
                """, new byte[0]);
        String ours = Arrays.stream(ProcessStateCode.values()).sorted((a, b) -> a.name().compareTo(b.name()))
                .map(p -> p.name() + " " + p.code() + " " + py(p.isStopped()) + " " + py(p.isRunning()) + " "
                        + py(p.isSignallable()))
                .collect(Collectors.joining("\n", "", "\n"));
        assertThat(ours).isEqualTo(new String(out, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1, 15, 50, 999, 1001})
    void unknownCodesAreRefused(int code) {
        assertThatThrownBy(() -> ProcessStateCode.fromCode(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Integer.toString(code));
    }

    private static String py(boolean b) {
        return b ? "True" : "False";
    }
}
