package jsupervisor.daemon.loop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputPacingTest {
    private static final long Q = OutputPacing.QUANTUM_NANOS;
    private static final long NOW = 1_000 * Q + 1_234_567L; // off the grid on purpose

    private static OutputPipe pipe(boolean paceable) {
        ChildIo child = new ChildIo("g", "p", 42, null, null, null);
        return new OutputPipe(child, true, 42L << 2 | 1, null, null, false, !paceable); // observed: not paceable
    }

    @Test
    void aListenersProtocolChannelIsNeverPaused() {
        OutputPipe p = pipe(false);
        for (int i = 0; i < 10; i++) {
            assertThat(OutputPacing.pauseUntil(p, 1, NOW)).isZero();
        }
    }

    @Test
    void smallDrainsDoubleThePauseUntilTheSharedGrid() {
        OutputPipe p = pipe(true);
        assertThat(OutputPacing.pauseUntil(p, 10, NOW)).isEqualTo(NOW + OutputPacing.MIN_PAUSE_NANOS);
        long last = OutputPacing.MIN_PAUSE_NANOS;
        int steps = 0;
        while (p.pauseNanos < Q && steps++ < 100) {
            long due = OutputPacing.pauseUntil(p, 10, NOW);
            if (p.pauseNanos < Q) {
                assertThat(p.pauseNanos).isEqualTo(last * 2);
                assertThat(due).isEqualTo(NOW + p.pauseNanos);
                last = p.pauseNanos;
            }
        }
        assertThat(p.pauseNanos).isEqualTo(Q);
        long due = OutputPacing.pauseUntil(p, 10, NOW);
        assertThat(due % Q).as("on the grid").isZero();
        assertThat(due - NOW).isGreaterThan(Q).isLessThanOrEqualTo(2 * Q);
        // another slow pipe drained a little later in the same grid slot comes back at the same moment
        OutputPipe other = pipe(true);
        other.pauseNanos = Q;
        assertThat(OutputPacing.pauseUntil(other, 10, NOW + 1_000)).isEqualTo(due);
    }

    @Test
    void drainsFindingThePipeHalfFullHalveThePauseDownToNone() {
        OutputPipe p = pipe(true);
        p.pauseNanos = 4 * OutputPacing.MIN_PAUSE_NANOS;
        long half = p.capacity / 2 + 1;
        assertThat(OutputPacing.pauseUntil(p, half, NOW)).isEqualTo(NOW + 2 * OutputPacing.MIN_PAUSE_NANOS);
        assertThat(OutputPacing.pauseUntil(p, half, NOW)).isEqualTo(NOW + OutputPacing.MIN_PAUSE_NANOS);
        assertThat(OutputPacing.pauseUntil(p, half, NOW)).isZero();
        assertThat(p.pauseNanos).isZero();
    }

    @Test
    void aDrainBetweenAnEighthAndAHalfKeepsThePause() {
        OutputPipe p = pipe(true);
        p.pauseNanos = 3 * OutputPacing.MIN_PAUSE_NANOS;
        assertThat(OutputPacing.pauseUntil(p, p.capacity / 4, NOW)).isEqualTo(NOW + 3 * OutputPacing.MIN_PAUSE_NANOS);
    }

    @Test
    void aFullPipeEndsThePauseAtOnce() {
        OutputPipe p = pipe(true);
        p.pauseNanos = Q;
        assertThat(OutputPacing.pauseUntil(p, p.capacity, NOW)).isZero();
        assertThat(p.pauseNanos).isZero();
    }
}
