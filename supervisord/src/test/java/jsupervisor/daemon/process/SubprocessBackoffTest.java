package jsupervisor.daemon.process;

import static jsupervisor.daemon.process.testing.ProcessConfigBuilder.program;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jsupervisor.daemon.process.testing.ProcessFixture;

/** BACKOFF: linear retry delays, startretries+1 attempts, FATAL, and the deadlines the loop sees. */
class SubprocessBackoffTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String GAVE_UP =
            "INFO gave up: web entered FATAL state, too many start retries too quickly";

    private final ProcessFixture fx = new ProcessFixture();

    /** Drives the process like the loop would: sleep until the next deadline, transition, repeat. */
    private List<Long> runUntilSettled(Subprocess p, boolean exitQuickly) {
        List<Long> spawnTimes = new ArrayList<>();
        long origin = fx.clock.monotonicNanos();
        for (int pass = 0; pass < 50 && p.state() != ProcessState.FATAL; pass++) {
            int before = fx.spawner.count();
            p.transition();
            if (fx.spawner.count() > before) {
                spawnTimes.add(fx.clock.monotonicNanos() - origin);
            }
            if (exitQuickly && p.state() == ProcessState.STARTING) {
                fx.clock.advanceNanos(SECOND / 10);
                p.finish(ExitStatus.exited(1));
            }
            p.nextDeadline().ifPresent(d -> fx.clock.advanceNanos(Math.max(0, d - fx.clock.monotonicNanos())));
        }
        return spawnTimes;
    }

    @ParameterizedTest(name = "startretries={0}")
    @ValueSource(ints = {0, 1, 2, 3, 5})
    void attemptsAreStartretriesPlusOneThenFatal(int startretries) {
        Subprocess p = fx.process(program("web").startretries(startretries));

        runUntilSettled(p, true);

        assertThat(fx.spawner.count()).isEqualTo(startretries + 1);
        assertThat(p.state()).isEqualTo(ProcessState.FATAL);
        assertThat(p.backoff()).as("give_up resets the counter").isZero();
        assertThat(fx.log.lines()).last().isEqualTo(GAVE_UP);
        assertThat(fx.listener.transitions()).last().isEqualTo("BACKOFF->FATAL");
        assertThat(p.nextDeadline()).isEmpty();
    }

    @Test
    void retriesAreLinearlyDelayedByOneMoreSecondEachTime() {
        Subprocess p = fx.process(program("web").startretries(3));

        List<Long> times = runUntilSettled(p, true);

        // each attempt lives 0.1 s, then waits backoff seconds (+1 ns, since the retry needs now > delay)
        assertThat(times).containsExactly(0L, SECOND / 10 + SECOND + 1, 2 * (SECOND / 10) + 3 * SECOND + 2,
                3 * (SECOND / 10) + 6 * SECOND + 3);
    }

    @Test
    void aRetryNeedsStrictlyMoreThanTheDelay() {
        Subprocess p = fx.process(program("web"));
        p.transition();
        fx.clock.advanceSeconds(0.1);
        p.finish(ExitStatus.exited(1));
        fx.clock.advanceSeconds(1);

        p.transition();
        assertThat(p.state()).isEqualTo(ProcessState.BACKOFF);
        fx.clock.advanceNanos(1);
        p.transition();

        assertThat(p.state()).isEqualTo(ProcessState.STARTING);
        assertThat(fx.listener.transitions()).last().isEqualTo("BACKOFF->STARTING");
        assertThat(fx.listener.last().tries()).isEqualTo(1);
    }

    @Test
    void startretriesZeroMakesOneSpawnErrorFatal() {
        Subprocess p = fx.process(program("web").command("/nope").startretries(0));

        p.transition();
        assertThat(p.state()).isEqualTo(ProcessState.BACKOFF);
        assertThat(p.nextDeadline()).hasValue(fx.clock.monotonicNanos());
        p.transition();

        assertThat(p.state()).isEqualTo(ProcessState.FATAL);
        assertThat(p.spawnerr()).isEqualTo("can't find command '/nope'");
        assertThat(fx.log.lines()).containsExactly("INFO spawnerr: can't find command '/nope'", GAVE_UP);
        assertThat(fx.listener.transitions())
                .containsExactly("STOPPED->STARTING", "STARTING->BACKOFF", "BACKOFF->FATAL");
        assertThat(p.info().description()).isEqualTo("can't find command '/nope'");
    }

    @Test
    void aFailedRetryGivesUpInTheSameTransition() {
        Subprocess p = fx.process(program("web").command("/nope").startretries(1));
        p.transition();
        fx.clock.advanceSeconds(1.5);

        p.transition();

        assertThat(fx.listener.transitions()).containsExactly("STOPPED->STARTING", "STARTING->BACKOFF",
                "BACKOFF->STARTING", "STARTING->BACKOFF", "BACKOFF->FATAL");
        assertThat(fx.log.lines()).last().isEqualTo(GAVE_UP);
    }

    @Test
    void backoffWaitsWhileShuttingDownButStillGivesUpWhenExhausted() {
        Subprocess p = fx.process(program("web").command("/nope").startretries(1));
        p.transition();
        fx.startsAllowed = false;
        fx.clock.advanceSeconds(5);

        p.transition();
        assertThat(p.state()).isEqualTo(ProcessState.BACKOFF);
        assertThat(p.nextDeadline()).isEmpty();

        fx.startsAllowed = true;
        p.transition();
        p.transition();
        assertThat(p.state()).isEqualTo(ProcessState.FATAL);
    }

    @Test
    void deadlinesTellTheLoopWhenToComeBack() {
        Subprocess p = fx.process(program("web").startsecs(3));
        long t0 = fx.clock.monotonicNanos();
        assertThat(p.nextDeadline()).as("autostart is due").hasValue(t0);

        p.transition();
        assertThat(p.nextDeadline()).hasValue(t0 + 3 * SECOND + 1);

        fx.clock.advanceSeconds(1);
        p.finish(ExitStatus.exited(1));
        assertThat(p.nextDeadline()).hasValue(t0 + 2 * SECOND + 1);

        fx.clock.advanceSeconds(1.5);
        p.transition();
        fx.clock.advanceSeconds(4);
        p.transition();
        assertThat(p.state()).isEqualTo(ProcessState.RUNNING);
        assertThat(p.nextDeadline()).isEmpty();
    }
}
