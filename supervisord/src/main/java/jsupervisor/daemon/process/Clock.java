package jsupervisor.daemon.process;

import java.time.ZoneId;

/**
 * The two clocks a process needs, injected so tests can drive time. Implementations must be cheap and
 * non-blocking; they are called on the loop thread.
 *
 * <p>Deadlines ({@code startsecs}, backoff, {@code stopwaitsecs}) use only {@link #monotonicNanos()}, so a
 * wall-clock jump never shortens or stretches them; that replaces Supervisor's clock-rollback patch-ups in
 * {@code supervisor/process.py _check_and_adjust_for_system_clock_rollback}. Wall time is only reported.
 */
public interface Clock {
    /** Monotonic time in nanoseconds with an arbitrary origin ({@code System.nanoTime()} semantics). */
    long monotonicNanos();

    /** Wall-clock time in whole seconds since the epoch ({@code int(time.time())}). */
    long wallSeconds();

    /** The local time zone, used for the STOPPED/EXITED {@code description}. */
    ZoneId zone();
}
