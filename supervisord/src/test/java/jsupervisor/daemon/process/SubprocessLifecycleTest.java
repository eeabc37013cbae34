package jsupervisor.daemon.process;

import static jsupervisor.daemon.process.testing.ProcessConfigBuilder.program;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import jsupervisor.daemon.config.AutoRestart;
import jsupervisor.daemon.process.testing.ProcessConfigBuilder;
import jsupervisor.daemon.process.testing.ProcessFixture;

/** transition() and finish(): autostart, startsecs, exits, autorestart, backoff and FATAL. */
class SubprocessLifecycleTest {
    private static final String SUCCESS_1 =
            "INFO success: web entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)";

    private final ProcessFixture fx = new ProcessFixture();

    private Subprocess running(ProcessConfigBuilder config) {
        Subprocess p = fx.process(config);
        p.transition();
        fx.clock.advanceSeconds(1.5);
        p.transition();
        assertThat(p.state()).isEqualTo(ProcessState.RUNNING);
        fx.log.take();
        fx.listener.clear();
        return p;
    }

    private void exitQuickly(Subprocess p) {
        fx.clock.advanceSeconds(0.1);
        p.finish(ExitStatus.exited(1));
    }

    @Test
    void autostartSpawnsANeverStartedProcessOnTheFirstTransition() {
        Subprocess p = fx.process(program("web"));
        p.transition();
        assertThat(p.state()).isEqualTo(ProcessState.STARTING);
        assertThat(fx.log.lines()).containsExactly("INFO spawned: 'web' with pid 1000");
    }

    @Test
    void noAutostartWhenDisabledOrWhenTheSupervisorIsNotRunning() {
        Subprocess off = fx.process(program("off").autostart(false));
        off.transition();
        fx.startsAllowed = false;
        Subprocess shuttingDown = fx.process(program("late"));
        shuttingDown.transition();

        assertThat(off.state()).isEqualTo(ProcessState.STOPPED);
        assertThat(shuttingDown.state()).isEqualTo(ProcessState.STOPPED);
        assertThat(fx.spawner.count()).isZero();
    }

    @Test
    void startingBecomesRunningOnlyStrictlyAfterStartsecs() {
        Subprocess p = fx.process(program("web"));
        p.transition();
        fx.clock.advanceSeconds(1);
        p.transition();
        assertThat(p.state()).isEqualTo(ProcessState.STARTING);

        fx.clock.advanceNanos(1);
        p.transition();

        assertThat(p.state()).isEqualTo(ProcessState.RUNNING);
        assertThat(fx.log.lines()).containsExactly("INFO spawned: 'web' with pid 1000", SUCCESS_1);
        assertThat(fx.listener.transitions()).containsExactly("STOPPED->STARTING", "STARTING->RUNNING");
        assertThat(fx.listener.last().pid()).isEqualTo(1000);
    }

    @Test
    void anAutostartedProcessIsNotPromotedInTheSameTransition() {
        Subprocess p = fx.process(program("web").startsecs(0));
        p.transition();
        assertThat(p.state()).isEqualTo(ProcessState.STARTING);
    }

    @Test
    void tooQuickExitIsBackoffAndNeverExpected() {
        Subprocess p = fx.process(program("web").exitcodes(0));
        p.transition();
        fx.clock.advanceSeconds(0.5);

        p.finish(ExitStatus.exited(0));

        assertThat(p.state()).isEqualTo(ProcessState.BACKOFF);
        assertThat(p.spawnerr()).isEqualTo("Exited too quickly (process log may have details)");
        assertThat(p.exitstatus()).isNull();
        assertThat(p.pid()).isZero();
        assertThat(p.backoff()).isEqualTo(1);
        assertThat(p.laststop()).isEqualTo(fx.clock.wallSeconds());
        assertThat(fx.log.lines()).last().isEqualTo("WARN exited: web (exit status 0; not expected)");
        assertThat(fx.listener.transitions()).last().isEqualTo("STARTING->BACKOFF");
        assertThat(fx.listener.last().tries()).isEqualTo(1);
    }

    @Test
    void expectedExitFromRunning() {
        Subprocess p = running(program("web").exitcodes(0, 2).autorestart(AutoRestart.FALSE));

        p.finish(ExitStatus.exited(2));

        assertThat(p.state()).isEqualTo(ProcessState.EXITED);
        assertThat(p.exitstatus()).isEqualTo(2);
        assertThat(p.spawnerr()).isNull();
        assertThat(p.pid()).isZero();
        assertThat(fx.log.lines()).containsExactly("INFO exited: web (exit status 2; expected)");
        ProcessStateChange c = fx.listener.last();
        assertThat(c.from()).isEqualTo(ProcessState.RUNNING);
        assertThat(c.to()).isEqualTo(ProcessState.EXITED);
        assertThat(c.expected()).isTrue();
        assertThat(c.pid()).isEqualTo(1000);
    }

    @Test
    void unexpectedExitFromRunningRecordsBadExitCode() {
        Subprocess p = running(program("web").autorestart(AutoRestart.FALSE));

        p.finish(ExitStatus.exited(3));

        assertThat(p.state()).isEqualTo(ProcessState.EXITED);
        assertThat(p.spawnerr()).isEqualTo("Bad exit code 3");
        assertThat(fx.log.lines()).containsExactly("WARN exited: web (exit status 3; not expected)");
        assertThat(fx.listener.last().expected()).isFalse();
    }

    @Test
    void deathBySignalIsNeverExpectedAndRecordsMinusOne() {
        Subprocess p = running(program("web").autorestart(AutoRestart.FALSE));

        p.finish(new ExitStatus.Killed(11, true));

        assertThat(p.exitstatus()).isEqualTo(-1);
        assertThat(p.spawnerr()).isEqualTo("Bad exit code -1");
        assertThat(fx.log.lines()).containsExactly(
                "WARN exited: web (terminated by SIGSEGV (core dumped); not expected)");
    }

    @Test
    void startsecsZeroGoesRunningThenExitedInsideFinish() {
        Subprocess p = fx.process(program("web").startsecs(0).autorestart(AutoRestart.FALSE));
        p.spawn();

        p.finish(ExitStatus.exited(0));

        assertThat(p.state()).isEqualTo(ProcessState.EXITED);
        assertThat(fx.listener.transitions())
                .containsExactly("STOPPED->STARTING", "STARTING->RUNNING", "RUNNING->EXITED");
        assertThat(fx.log.lines()).containsExactly("INFO spawned: 'web' with pid 1000",
                "INFO exited: web (exit status 0; expected)");
    }

    @Test
    void startsecsZeroReachesRunningOnTheNextTransition() {
        Subprocess p = fx.process(program("web").startsecs(0));
        p.spawn();
        fx.clock.advanceNanos(1);

        p.transition();

        assertThat(p.state()).isEqualTo(ProcessState.RUNNING);
        assertThat(fx.log.lines()).last().isEqualTo(
                "INFO success: web entered RUNNING state, process has stayed up for > than 0 seconds (startsecs)");
    }

    static Stream<Arguments> autorestartCases() {
        return Stream.of(
                Arguments.of(AutoRestart.TRUE, ExitStatus.exited(0), true),
                Arguments.of(AutoRestart.TRUE, ExitStatus.exited(1), true),
                Arguments.of(AutoRestart.UNEXPECTED, ExitStatus.exited(0), false),
                Arguments.of(AutoRestart.UNEXPECTED, ExitStatus.exited(1), true),
                Arguments.of(AutoRestart.UNEXPECTED, ExitStatus.killed(9), true),
                Arguments.of(AutoRestart.FALSE, ExitStatus.exited(1), false),
                Arguments.of(AutoRestart.FALSE, ExitStatus.killed(9), false));
    }

    @ParameterizedTest(name = "autorestart={0}, {1} -> restart {2}")
    @MethodSource("autorestartCases")
    void autorestartFollowsTheSettingAndExitcodes(AutoRestart setting, ExitStatus exit, boolean restarts) {
        Subprocess p = running(program("web").autorestart(setting));
        p.finish(exit);

        p.transition();

        assertThat(p.state()).isEqualTo(restarts ? ProcessState.STARTING : ProcessState.EXITED);
        assertThat(fx.spawner.count()).isEqualTo(restarts ? 2 : 1);
        assertThat(p.nextDeadline().isPresent()).isEqualTo(restarts);
    }

    @Test
    void aCrashedChildIsDueForRestartImmediatelyWithNoBackoff() {
        Subprocess p = running(program("web"));
        p.finish(ExitStatus.exited(1));

        assertThat(p.nextDeadline()).hasValue(fx.clock.monotonicNanos());
        p.transition();

        assertThat(p.state()).isEqualTo(ProcessState.STARTING);
        assertThat(p.backoff()).isZero();
        assertThat(fx.listener.transitions()).containsExactly("RUNNING->EXITED", "EXITED->STARTING");
    }

    @Test
    void noAutorestartWhileShuttingDown() {
        Subprocess p = running(program("web").autorestart(AutoRestart.TRUE));
        p.finish(ExitStatus.exited(1));
        fx.startsAllowed = false;

        p.transition();

        assertThat(p.state()).isEqualTo(ProcessState.EXITED);
        assertThat(p.nextDeadline()).isEmpty();
    }

    @Test
    void anExplicitSpawnRestartsAFatalProcess() {
        Subprocess p = fx.process(program("web").command("/nope").startretries(0));
        p.transition();
        p.transition();
        assertThat(p.state()).isEqualTo(ProcessState.FATAL);
        fx.fileSystem.program("/nope");
        fx.listener.clear();

        p.spawn();

        assertThat(p.state()).isEqualTo(ProcessState.STARTING);
        assertThat(fx.listener.transitions()).containsExactly("FATAL->STARTING");
        assertThat(fx.listener.last().tries()).isZero();
    }

    @Test
    void runningResetsTheBackoffCounter() {
        Subprocess p = fx.process(program("web"));
        p.transition();
        exitQuickly(p);
        fx.clock.advanceSeconds(1.1);
        p.transition();
        assertThat(p.backoff()).isEqualTo(1);
        assertThat(p.state()).isEqualTo(ProcessState.STARTING);

        fx.clock.advanceSeconds(1.1);
        p.transition();

        assertThat(p.state()).isEqualTo(ProcessState.RUNNING);
        assertThat(p.backoff()).isZero();
    }

    @Test
    void laststartIsReportedInWallSecondsEvenIfTheWallClockJumps() {
        Subprocess p = fx.process(program("web"));
        p.transition();
        fx.clock.setWallSeconds(100);
        fx.clock.advanceSeconds(1.1);

        p.transition();

        assertThat(p.state()).as("deadlines ignore the wall clock").isEqualTo(ProcessState.RUNNING);
        assertThat(p.laststart()).isEqualTo(jsupervisor.daemon.process.testing.FakeClock.DEFAULT_WALL_SECONDS);
    }
}
