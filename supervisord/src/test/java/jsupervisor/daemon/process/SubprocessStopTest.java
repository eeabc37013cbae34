package jsupervisor.daemon.process;

import static jsupervisor.daemon.process.testing.ProcessConfigBuilder.program;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import jsupervisor.daemon.process.testing.FakeSignalSender.Sent;
import jsupervisor.daemon.process.testing.ProcessConfigBuilder;
import jsupervisor.daemon.process.testing.ProcessFixture;

/** stop(), kill(), signal(), SIGKILL escalation, stop reports and give_up. */
class SubprocessStopTest {
    private static final int SIGHUP = 1;
    private static final int SIGKILL = 9;
    private static final int SIGTERM = 15;
    private static final String ESRCH = "[Errno 3] No such process";

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

    @Test
    void stopSendsStopsignalAndEntersStopping() {
        Subprocess p = running(program("web").stopwaitsecs(7));

        assertThat(p.stop()).isEmpty();

        assertThat(p.state()).isEqualTo(ProcessState.STOPPING);
        assertThat(fx.signals.sent()).containsExactly(new Sent(1000, SIGTERM));
        assertThat(fx.log.lines()).containsExactly("DEBG killing web (pid 1000) with signal SIGTERM");
        assertThat(fx.listener.transitions()).containsExactly("RUNNING->STOPPING");
        assertThat(fx.listener.last().pid()).isEqualTo(1000);
        assertThat(p.nextDeadline()).hasValue(fx.clock.monotonicNanos() + 7_000_000_000L);
    }

    @Test
    void stopasgroupSignalsTheProcessGroup() {
        Subprocess p = running(program("web").stopasgroup(true).stopsignal(2));

        p.stop();

        assertThat(fx.signals.sent()).containsExactly(new Sent(-1000, 2));
        assertThat(fx.log.lines()).containsExactly("DEBG killing web (pid 1000) process group with signal SIGINT");
    }

    @Test
    void reapAfterStopIsStoppedWithInfoWhenTheStatusIsExpected() {
        Subprocess p = running(program("web"));
        p.stop();
        fx.log.take();

        p.finish(ExitStatus.exited(0));

        assertThat(p.state()).isEqualTo(ProcessState.STOPPED);
        assertThat(p.exitstatus()).isZero();
        assertThat(p.pid()).isZero();
        assertThat(fx.log.lines()).containsExactly("INFO stopped: web (exit status 0)");
        assertThat(fx.listener.transitions()).containsExactly("RUNNING->STOPPING", "STOPPING->STOPPED");
        assertThat(fx.listener.last().pid()).isEqualTo(1000);
        assertThat(p.nextDeadline()).as("a stopped process is not autostarted again").isEmpty();
    }

    @Test
    void reapAfterStopBySignalIsStoppedWithWarnAndMinusOne() {
        Subprocess p = running(program("ga"));
        p.stop();
        fx.log.take();

        p.finish(ExitStatus.killed(SIGTERM));

        assertThat(fx.log.lines()).containsExactly("WARN stopped: ga (terminated by SIGTERM)");
        assertThat(p.exitstatus()).isEqualTo(-1);
        assertThat(p.info().exitstatus()).isEqualTo(-1);
    }

    @Test
    void stoppingAStartingProcessEndsStoppedEvenIfItDiesQuickly() {
        Subprocess p = fx.process(program("web").startsecs(10));
        p.transition();
        p.stop();
        fx.clock.advanceSeconds(0.1);

        p.finish(ExitStatus.killed(SIGTERM));

        assertThat(p.state()).isEqualTo(ProcessState.STOPPED);
        assertThat(fx.listener.transitions())
                .containsExactly("STOPPED->STARTING", "STARTING->STOPPING", "STOPPING->STOPPED");
    }

    @Test
    void sigkillAfterStopwaitsecsAndEveryStopwaitsecsAfterThat() {
        Subprocess p = running(program("web").stopwaitsecs(10).killasgroup(true));
        p.stop();
        fx.log.take();

        fx.clock.advanceSeconds(9.999);
        p.transition();
        assertThat(fx.signals.sent()).hasSize(1);

        fx.clock.advanceSeconds(0.001);
        p.transition();
        assertThat(fx.log.take()).containsExactly("WARN killing 'web' (1000) with SIGKILL",
                "DEBG killing web (pid 1000) process group with signal SIGKILL");
        assertThat(fx.signals.sent()).containsExactly(new Sent(1000, SIGTERM), new Sent(-1000, SIGKILL));
        assertThat(p.state()).isEqualTo(ProcessState.STOPPING);
        assertThat(p.nextDeadline()).hasValue(fx.clock.monotonicNanos() + 10_000_000_000L);

        fx.clock.advanceSeconds(10);
        p.transition();
        assertThat(fx.signals.sent()).hasSize(3).last().isEqualTo(new Sent(-1000, SIGKILL));
        assertThat(fx.listener.transitions()).containsExactly("RUNNING->STOPPING");

        p.finish(ExitStatus.killed(SIGKILL));
        assertThat(fx.log.lines()).last().isEqualTo("WARN stopped: web (terminated by SIGKILL)");
    }

    @Test
    void sigkillGoesToThePidWithoutKillasgroupEvenWithStopasgroup() {
        Subprocess p = running(program("web").stopasgroup(true).stopwaitsecs(1));
        p.stop();
        fx.clock.advanceSeconds(1);

        p.transition();

        assertThat(fx.signals.sent()).containsExactly(new Sent(-1000, SIGTERM), new Sent(1000, SIGKILL));
    }

    @Test
    void stoppingABackoffProcessGoesStraightToStoppedAndKeepsBackoff() {
        Subprocess p = fx.process(program("web").command("/nope").startretries(5));
        p.transition();
        fx.clock.advanceSeconds(1.5);
        p.transition();
        assertThat(p.backoff()).isEqualTo(2);
        fx.log.take();
        fx.listener.clear();

        assertThat(p.stop()).isEmpty();

        assertThat(p.state()).isEqualTo(ProcessState.STOPPED);
        assertThat(p.backoff()).isEqualTo(2);
        assertThat(fx.signals.sent()).isEmpty();
        assertThat(fx.log.lines()).containsExactly("DEBG Attempted to kill web, which is in BACKOFF state.");
        assertThat(fx.listener.transitions()).containsExactly("BACKOFF->STOPPED");
        assertThat(p.info().description()).as("never exited: stop is the epoch").isEqualTo("Jan 01 12:00 AM");

        p.spawn();
        assertThat(p.backoff()).as("the counter kept counting").isEqualTo(3);
    }

    @Test
    void killingAProcessThatIsNotRunningIsAnError() {
        Subprocess p = fx.process(program("web"));

        assertThat(p.stop()).hasValue("attempted to kill web with sig SIGTERM but it wasn't running");
        assertThat(p.kill(SIGKILL)).hasValue("attempted to kill web with sig SIGKILL but it wasn't running");

        assertThat(fx.log.lines()).containsExactly(
                "DEBG attempted to kill web with sig SIGTERM but it wasn't running",
                "DEBG attempted to kill web with sig SIGKILL but it wasn't running");
        assertThat(p.state()).isEqualTo(ProcessState.STOPPED);
    }

    @Test
    void noSuchProcessLeavesTheStateToTheReap() {
        Subprocess p = running(program("web"));
        fx.signals.answer(new SignalResult.NoSuchProcess(ESRCH));

        assertThat(p.stop()).isEmpty();

        assertThat(p.state()).isEqualTo(ProcessState.STOPPING);
        assertThat(fx.log.lines()).last().isEqualTo(
                "DEBG unable to signal web (pid 1000), it probably just exited on its own: " + ESRCH);
        p.finish(ExitStatus.exited(0));
        assertThat(p.state()).isEqualTo(ProcessState.STOPPED);
    }

    @Test
    void anyOtherKillFailureIsUnknown() {
        Subprocess p = running(program("web"));
        fx.signals.answer(new SignalResult.Failed("PermissionError: [Errno 1] Operation not permitted"));

        String msg = "unknown problem killing web (1000):PermissionError: [Errno 1] Operation not permitted";
        assertThat(p.stop()).hasValue(msg);

        assertThat(p.state()).isEqualTo(ProcessState.UNKNOWN);
        assertThat(fx.log.lines()).last().isEqualTo("CRIT " + msg);
        assertThat(fx.listener.transitions()).containsExactly("RUNNING->STOPPING", "STOPPING->UNKNOWN");
        assertThat(p.nextDeadline()).isEmpty();

        p.finish(ExitStatus.exited(0));
        assertThat(p.state()).isEqualTo(ProcessState.UNKNOWN);
        assertThat(p.pid()).isZero();
    }

    @Test
    void signalSendsToThePidWithoutChangingState() {
        Subprocess p = running(program("web").stopasgroup(true));

        assertThat(p.signal(SIGHUP)).isEmpty();

        assertThat(fx.signals.sent()).containsExactly(new Sent(1000, SIGHUP));
        assertThat(fx.log.lines()).containsExactly("DEBG sending web (pid 1000) sig SIGHUP");
        assertThat(p.state()).isEqualTo(ProcessState.RUNNING);
        assertThat(fx.listener.changes()).isEmpty();
    }

    @Test
    void signalProblems() {
        Subprocess stopped = fx.process(program("idle"));
        assertThat(stopped.signal(SIGHUP)).hasValue("attempted to send idle sig SIGHUP but it wasn't running");

        Subprocess p = running(program("web"));
        fx.signals.answer(new SignalResult.NoSuchProcess(ESRCH));
        assertThat(p.signal(SIGHUP)).isEmpty();
        assertThat(fx.log.lines()).last().isEqualTo(
                "DEBG unable to signal web (pid 1000), it probably just now exited on its own: " + ESRCH);

        fx.signals.answer(new SignalResult.Failed("boom"));
        assertThat(p.signal(SIGHUP)).hasValue("unknown problem sending sig web (1000):boom");
        assertThat(p.state()).isEqualTo(ProcessState.UNKNOWN);
        assertThat(fx.log.lines()).last().isEqualTo("CRIT unknown problem sending sig web (1000):boom");
    }

    @Test
    void stopReportIsThrottledToEveryTwoSeconds() {
        Subprocess p = running(program("web"));
        p.stopReport();
        assertThat(fx.log.lines()).as("only while STOPPING").isEmpty();
        p.stop();
        fx.log.take();

        p.stopReport();
        fx.clock.advanceSeconds(2);
        p.stopReport();
        fx.clock.advanceNanos(1);
        p.stopReport();

        assertThat(fx.log.lines()).containsExactly("INFO waiting for web to stop", "INFO waiting for web to stop");
    }

    @Test
    void giveUpIsOnlyForBackoff() {
        Subprocess p = running(program("web"));
        assertThatThrownBy(p::giveUp).isInstanceOf(IllegalStateException.class)
                .hasMessage("Assertion failed for web: RUNNING not in BACKOFF");
    }
}
