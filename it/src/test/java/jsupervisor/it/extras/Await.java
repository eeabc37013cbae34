package jsupervisor.it.extras;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Polls a condition until it holds or a deadline passes; the only way these tests wait for another
 * process. Measures time with {@link System#nanoTime()} so wall-clock jumps cannot stretch a deadline.
 */
final class Await {
    private static final long POLL_MILLIS = 20;

    private Await() {}

    static void until(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out after " + limit.toMillis() + " ms waiting for: " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS); // poll interval only; the deadline above bounds the wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for: " + what);
            }
        }
    }
}
