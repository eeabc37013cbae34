package jsupervisor.daemon.process;

import static jsupervisor.daemon.process.testing.ProcessConfigBuilder.program;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jsupervisor.daemon.config.AutoRestart;
import jsupervisor.daemon.process.testing.ProcessFixture;

/**
 * Every row of REFERENCE §4.2 as one table: how to reach the from-state, the trigger, the state change the
 * listener hears and the main-log line that comes with it (null when the transition logs nothing).
 */
class TransitionCatalogueTest {

    record Row(String name, Function<ProcessFixture, Subprocess> arrange, BiConsumer<ProcessFixture, Subprocess> act,
               String transition, String logLine) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Subprocess stopped(ProcessFixture fx) {
        return fx.process(program("p").autorestart(AutoRestart.FALSE));
    }

    private static Subprocess starting(ProcessFixture fx) {
        Subprocess p = stopped(fx);
        p.transition();
        return p;
    }

    private static Subprocess running(ProcessFixture fx) {
        Subprocess p = starting(fx);
        fx.clock.advanceSeconds(2);
        p.transition();
        return p;
    }

    private static Subprocess exited(ProcessFixture fx, AutoRestart autorestart) {
        Subprocess p = fx.process(program("p").autorestart(autorestart));
        p.transition();
        fx.clock.advanceSeconds(2);
        p.transition();
        p.finish(ExitStatus.exited(1));
        return p;
    }

    private static Subprocess backoff(ProcessFixture fx, int startretries) {
        Subprocess p = fx.process(program("p").command("/nope").startretries(startretries));
        p.transition();
        return p;
    }

    private static Subprocess fatal(ProcessFixture fx) {
        Subprocess p = backoff(fx, 0);
        p.transition();
        return p;
    }

    private static Subprocess stopping(ProcessFixture fx) {
        Subprocess p = running(fx);
        p.stop();
        return p;
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("autostart", TransitionCatalogueTest::stopped, (fx, p) -> p.transition(),
                        "STOPPED->STARTING", "INFO spawned: 'p' with pid 1000"),
                new Row("startProcess from STOPPED", TransitionCatalogueTest::stopped, (fx, p) -> p.spawn(),
                        "STOPPED->STARTING", "INFO spawned: 'p' with pid 1000"),
                new Row("autorestart", fx -> exited(fx, AutoRestart.UNEXPECTED), (fx, p) -> p.transition(),
                        "EXITED->STARTING", "INFO spawned: 'p' with pid 1001"),
                new Row("startProcess from EXITED", fx -> exited(fx, AutoRestart.FALSE), (fx, p) -> p.spawn(),
                        "EXITED->STARTING", "INFO spawned: 'p' with pid 1001"),
                new Row("startProcess from FATAL", TransitionCatalogueTest::fatal, (fx, p) -> p.spawn(),
                        "FATAL->STARTING", "INFO spawnerr: can't find command '/nope'"),
                new Row("backoff retry", fx -> backoff(fx, 3), (fx, p) -> {
                    fx.clock.advanceSeconds(1.5);
                    p.transition();
                }, "BACKOFF->STARTING", "INFO spawnerr: can't find command '/nope'"),
                new Row("startsecs passed", TransitionCatalogueTest::starting, (fx, p) -> {
                    fx.clock.advanceSeconds(1.5);
                    p.transition();
                }, "STARTING->RUNNING",
                        "INFO success: p entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)"),
                new Row("spawn error", TransitionCatalogueTest::stopped, (fx, p) -> {
                    fx.spawner.failNext("too many open files to spawn 'p'");
                    p.spawn();
                }, "STARTING->BACKOFF", "INFO spawnerr: too many open files to spawn 'p'"),
                new Row("exited too quickly", TransitionCatalogueTest::starting,
                        (fx, p) -> p.finish(ExitStatus.exited(0)), "STARTING->BACKOFF",
                        "WARN exited: p (exit status 0; not expected)"),
                new Row("too many retries", fx -> backoff(fx, 0), (fx, p) -> p.transition(), "BACKOFF->FATAL",
                        "INFO gave up: p entered FATAL state, too many start retries too quickly"),
                new Row("give up at shutdown", fx -> backoff(fx, 3), (fx, p) -> p.giveUp(), "BACKOFF->FATAL", null),
                new Row("stop in BACKOFF", fx -> backoff(fx, 3), (fx, p) -> p.stop(), "BACKOFF->STOPPED",
                        "DEBG Attempted to kill p, which is in BACKOFF state."),
                new Row("expected exit", TransitionCatalogueTest::running, (fx, p) -> p.finish(ExitStatus.exited(0)),
                        "RUNNING->EXITED", "INFO exited: p (exit status 0; expected)"),
                new Row("unexpected exit", TransitionCatalogueTest::running,
                        (fx, p) -> p.finish(ExitStatus.exited(4)), "RUNNING->EXITED",
                        "WARN exited: p (exit status 4; not expected)"),
                new Row("stop RUNNING", TransitionCatalogueTest::running, (fx, p) -> p.stop(), "RUNNING->STOPPING",
                        "DEBG killing p (pid 1000) with signal SIGTERM"),
                new Row("stop STARTING", TransitionCatalogueTest::starting, (fx, p) -> p.stop(),
                        "STARTING->STOPPING", "DEBG killing p (pid 1000) with signal SIGTERM"),
                new Row("reaped after stop", TransitionCatalogueTest::stopping,
                        (fx, p) -> p.finish(ExitStatus.killed(15)), "STOPPING->STOPPED",
                        "WARN stopped: p (terminated by SIGTERM)"),
                new Row("kill fails", TransitionCatalogueTest::running, (fx, p) -> {
                    fx.signals.answer(new SignalResult.Failed("EPERM"));
                    p.kill(15);
                }, "STOPPING->UNKNOWN", "CRIT unknown problem killing p (1000):EPERM"),
                new Row("signal fails", TransitionCatalogueTest::starting, (fx, p) -> {
                    fx.signals.answer(new SignalResult.Failed("EPERM"));
                    p.signal(10);
                }, "STARTING->UNKNOWN", "CRIT unknown problem sending sig p (1000):EPERM"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void transitionNotifiesAndLogs(Row row) {
        ProcessFixture fx = new ProcessFixture();
        Subprocess p = row.arrange().apply(fx);
        int changesBefore = fx.listener.changes().size();
        int linesBefore = fx.log.lines().size();

        row.act().accept(fx, p);

        assertThat(fx.listener.transitions().subList(changesBefore, fx.listener.changes().size()))
                .contains(row.transition());
        var newLines = fx.log.lines().subList(linesBefore, fx.log.lines().size());
        if (row.logLine() == null) {
            assertThat(newLines).isEmpty();
        } else {
            assertThat(newLines).contains(row.logLine());
        }
    }
}
