package jsupervisor.daemon.process;

import static jsupervisor.daemon.process.ProcessState.BACKOFF;
import static jsupervisor.daemon.process.ProcessState.EXITED;
import static jsupervisor.daemon.process.ProcessState.FATAL;
import static jsupervisor.daemon.process.ProcessState.RUNNING;
import static jsupervisor.daemon.process.ProcessState.STARTING;
import static jsupervisor.daemon.process.ProcessState.STOPPED;
import static jsupervisor.daemon.process.ProcessState.STOPPING;
import static jsupervisor.daemon.process.ProcessState.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ProcessStateTest {

    @ParameterizedTest
    @CsvSource({
        "STOPPED, 0", "STARTING, 10", "RUNNING, 20", "BACKOFF, 30", "STOPPING, 40", "EXITED, 100",
        "FATAL, 200", "UNKNOWN, 1000",
    })
    void codesMatchSupervisorStates(ProcessState state, int code) {
        assertThat(state.code()).isEqualTo(code);
        assertThat(ProcessState.fromCode(code)).isSameAs(state);
    }

    @Test
    void unknownCodeIsRejected() {
        assertThatThrownBy(() -> ProcessState.fromCode(5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void membershipSetsAreSupervisors() {
        assertThat(ProcessState.STOPPED_STATES).containsExactlyInAnyOrder(STOPPED, EXITED, FATAL, UNKNOWN);
        assertThat(ProcessState.RUNNING_STATES).containsExactlyInAnyOrder(RUNNING, BACKOFF, STARTING);
        assertThat(ProcessState.SIGNALLABLE_STATES).containsExactlyInAnyOrder(RUNNING, STARTING, STOPPING);
    }

    @Test
    void backoffIsRunningAndStoppingIsNeitherRunningNorStopped() {
        assertThat(BACKOFF.isRunning()).isTrue();
        assertThat(BACKOFF.isSignallable()).isFalse();
        assertThat(STOPPING.isRunning()).isFalse();
        assertThat(STOPPING.isStopped()).isFalse();
        assertThat(STOPPING.isSignallable()).isTrue();
        assertThat(UNKNOWN.isStopped()).isTrue();
    }
}
