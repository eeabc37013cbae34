package jsupervisor.daemon.rpc;

/**
 * A failure Supervisor answers with HTTP 500 rather than a fault: an uncaught exception in a method, a result
 * holding an int outside 32 bits, a log slice that is not valid UTF-8 (REFERENCE §6.1, §6.8, §12 item 11).
 * Unchecked; immutable.
 */
public final class RpcServerError extends RuntimeException {
    public RpcServerError(String message) {
        super(message, null, false, false);
    }
}
