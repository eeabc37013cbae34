package jsupervisor.daemon.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A response body written as it is produced, for {@code /logtail} and {@code /mainlogtail}. Each
 * {@link #flush()} puts what was written so far on the wire (one chunk on a chunked connection);
 * {@link #close()} ends the body and, after it, the connection. Confined to the route's thread, except that
 * the client-gone signal comes from a watcher thread.
 *
 * <p>A route following a file loops on {@code while (!stream.awaitClientGone(interval)) { ... }} so it
 * stops when the client disconnects even while no new bytes arrive to be written (a write to a departed
 * client fails too, with an {@link IOException}). Chunk sizes are lower-case hex, as medusa writes them.
 */
public final class ResponseStream extends OutputStream {
    private static final int AUTO_FLUSH = 16 * 1024;

    private final Wire wire;
    private final boolean chunked;
    private final boolean discard;
    private byte[] buffer = new byte[1024];
    private int count;
    private boolean closed;

    ResponseStream(Wire wire, boolean chunked, boolean discard) {
        this.wire = wire;
        this.chunked = chunked;
        this.discard = discard;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("response stream closed");
        }
        if (discard) {
            return;
        }
        if (count + length > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, count + length));
        }
        System.arraycopy(data, offset, buffer, count, length);
        count += length;
        if (count >= AUTO_FLUSH) {
            flush();
        }
    }

    /** Sends what was written since the last flush; nothing when nothing was. */
    @Override
    public void flush() throws IOException {
        if (count == 0 || closed) {
            return;
        }
        if (chunked) {
            byte[] size = (Integer.toHexString(count) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] frame = new byte[size.length + count + 2];
            System.arraycopy(size, 0, frame, 0, size.length);
            System.arraycopy(buffer, 0, frame, size.length, count);
            frame[frame.length - 2] = '\r';
            frame[frame.length - 1] = '\n';
            wire.write(frame, 0, frame.length);
        } else {
            wire.write(buffer, 0, count);
        }
        count = 0;
    }

    /**
     * Waits up to {@code timeout} for the client to go away (or the server to shut down): the pacing call of a
     * follow loop. Returns true when it is gone, false when the timeout passed with the client still there.
     */
    public boolean awaitClientGone(Duration timeout) throws InterruptedException {
        return wire.awaitClientGone(timeout);
    }

    /** True when the client has gone away; does not wait. */
    public boolean clientGone() {
        try {
            return wire.awaitClientGone(Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Ends the body (the last chunk on a chunked connection); the connection closes afterwards. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            flush();
            if (chunked && !discard) {
                byte[] last = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                wire.write(last, 0, last.length);
            }
        } finally {
            closed = true;
        }
    }
}
