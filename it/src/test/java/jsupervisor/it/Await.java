package jsupervisor.it;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls a condition until it holds or a deadline passes: the tests' only way to wait for something another
 * process does. Every wait is bounded in time and in the number of checks.
 */
public final class Await {
    private static final long PAUSE_NANOS = Duration.ofMillis(10).toNanos();

    private Await() {}

    /** Waits until {@code condition} is true; fails with {@code what} when {@code timeout} passes first. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long checks = timeout.toNanos() / PAUSE_NANOS + 2;
        for (long i = 0; i < checks; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                break;
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
        if (!condition.getAsBoolean()) {
            throw new AssertionError("timed out after " + timeout + " waiting for " + what);
        }
    }

    /** Waits until {@code supplier} returns non-null, and returns it. */
    public static <T> T value(String what, Duration timeout, Supplier<T> supplier) {
        Object[] holder = new Object[1];
        until(what, timeout, () -> (holder[0] = supplier.get()) != null);
        @SuppressWarnings("unchecked")
        T t = (T) holder[0];
        return t;
    }
}
