package jsupervisor.daemon.http;

import java.io.IOException;
import java.time.Duration;

/**
 * The connection as a response sees it: blocking writes bounded by the write timeout, and the watch that
 * notices a client going away while a stream is open. Implemented by {@link HttpConnection}; tests may
 * supply a recording fake. Used only by the connection's own thread, except {@link #awaitClientGone}
 * which may wait on a watcher thread's signal.
 */
interface Wire {
    /** Writes all of {@code data}; throws when the client is gone or stopped reading for too long. */
    void write(byte[] data, int offset, int length) throws IOException;

    /** Starts watching the input for EOF; everything read from then on is discarded. */
    void watchForClientGone();

    /** True once the client closed, or the server is shutting down; waits at most {@code timeout}. */
    boolean awaitClientGone(Duration timeout) throws InterruptedException;
}
