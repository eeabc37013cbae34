package jsupervisor.daemon.process;

/**
 * The outcome of sending a signal. ESRCH is an expected outcome (the child exited on its own and will
 * be reaped), so it is a value, not an exception. Immutable.
 */
public sealed interface SignalResult permits SignalResult.Sent, SignalResult.NoSuchProcess, SignalResult.Failed {

    SignalResult SENT = new Sent();

    /** The signal was delivered. */
    record Sent() implements SignalResult {}

    /** ESRCH. {@code detail} is rendered as Python's {@code str(OSError)}: {@code [Errno 3] No such process}. */
    record NoSuchProcess(String detail) implements SignalResult {}

    /** Any other error (EPERM, EINVAL ...), with a human-readable detail that ends up in a CRIT log line. */
    record Failed(String detail) implements SignalResult {}
}
