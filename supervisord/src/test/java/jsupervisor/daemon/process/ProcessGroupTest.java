package jsupervisor.daemon.process;

import static jsupervisor.daemon.process.testing.ProcessConfigBuilder.program;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import jsupervisor.daemon.process.testing.FakeSignalSender.Sent;
import jsupervisor.daemon.process.testing.ProcessFixture;

class ProcessGroupTest {
    private static final long SECOND = 1_000_000_000L;

    private final ProcessFixture fx = new ProcessFixture();

    private ProcessGroup threeProcesses() {
        return fx.group("g", 10,
                program("b").priority(20).build(),
                program("a").priority(10).build(),
                program("c").priority(20).command("/nope").build());
    }

    private static List<String> names(List<Subprocess> ps) {
        return ps.stream().map(Subprocess::name).toList();
    }

    @Test
    void processesKeepConfigOrderAndKnowTheirGroup() {
        ProcessGroup g = threeProcesses();
        assertThat(g.name()).isEqualTo("g");
        assertThat(g.priority()).isEqualTo(10);
        assertThat(g.processes()).extracting(Subprocess::name).containsExactly("b", "a", "c");
        assertThat(g.processes()).extracting(Subprocess::groupName).containsOnly("g");
        assertThat(g.process("a")).isPresent();
        assertThat(g.process("zz")).isEmpty();
    }

    /** Supervisor's processes dict: a name configured twice keeps its first place and its last config. */
    @Test
    void aProcessNameConfiguredTwiceIsOneProcessWithTheLastConfig() {
        ProcessGroup g = fx.group("g", 1, program("a").priority(1).build(), program("b").build(),
                program("a").priority(7).build());
        assertThat(g.processes()).extracting(Subprocess::name).containsExactly("a", "b");
        assertThat(g.process("a").orElseThrow().config().priority()).isEqualTo(7);
    }

    /** Config order, not priority: a [group:x] autostarts its programs in programs= order, as Supervisor does. */
    @Test
    void transitionVisitsProcessesInConfigOrder() {
        ProcessGroup g = threeProcesses();

        g.transition();

        assertThat(fx.spawner.specs()).extracting(SpawnSpec::processName).containsExactly("b", "a");
        assertThat(fx.log.lines()).containsExactly("INFO spawned: 'b' with pid 1000",
                "INFO spawned: 'a' with pid 1001", "INFO spawnerr: can't find command '/nope'");
        assertThat(g.process("c").orElseThrow().state()).isEqualTo(ProcessState.BACKOFF);
    }

    @Test
    void membershipHelpers() {
        ProcessGroup g = threeProcesses();
        g.transition();
        Subprocess a = g.process("a").orElseThrow();

        assertThat(g.contains(a)).isTrue();
        assertThat(g.contains(fx.process(program("a")))).isFalse();
        assertThat(g.processWithPid(1001)).map(Subprocess::name).hasValue("a");
        assertThat(g.processWithPid(0)).isEmpty();
        assertThat(names(g.processesIn(ProcessState.RUNNING_STATES))).containsExactly("b", "a", "c");
        assertThat(names(g.processesIn(java.util.Set.of(ProcessState.BACKOFF)))).containsExactly("c");
    }

    @Test
    void stopAllSignalsInDescendingPriorityAndFailsBackoff() {
        ProcessGroup g = threeProcesses();
        g.transition();
        fx.log.take();

        g.stopAll();

        assertThat(fx.signals.sent()).containsExactly(new Sent(1000, 15), new Sent(1001, 15));
        assertThat(g.process("c").orElseThrow().state()).isEqualTo(ProcessState.FATAL);
        assertThat(fx.log.lines()).as("give_up at shutdown is silent").containsExactly(
                "DEBG killing b (pid 1000) with signal SIGTERM", "DEBG killing a (pid 1001) with signal SIGTERM");
        assertThat(names(g.unstoppedProcesses())).containsExactly("b", "a");

        g.process("a").orElseThrow().finish(ExitStatus.killed(15));
        g.process("b").orElseThrow().finish(ExitStatus.killed(15));
        assertThat(g.unstoppedProcesses()).isEmpty();
    }

    @Test
    void stopAllLeavesStoppingAndStoppedProcessesAlone() {
        ProcessGroup g = fx.group("g", 1, program("a").build(), program("b").autostart(false).build());
        g.transition();
        g.process("a").orElseThrow().stop();

        g.stopAll();

        assertThat(fx.signals.sent()).hasSize(1);
        assertThat(g.process("b").orElseThrow().state()).isEqualTo(ProcessState.STOPPED);
    }

    @Test
    void nextDeadlineIsTheEarliestOfTheGroup() {
        ProcessGroup g = fx.group("g", 1, program("slow").startsecs(10).build(),
                program("quick").startsecs(2).build(), program("manual").autostart(false).build());
        long t0 = fx.clock.monotonicNanos();
        assertThat(g.nextDeadline()).hasValue(t0);

        g.transition();

        assertThat(g.nextDeadline()).hasValue(t0 + 2 * SECOND + 1);
    }

    @Test
    void nothingToDoMeansNoDeadline() {
        ProcessGroup g = fx.group("g", 1, program("manual").autostart(false).build());
        assertThat(g.nextDeadline()).isEmpty();
    }
}
