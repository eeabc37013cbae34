package jsupervisor.daemon.http;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;

/**
 * Reads request heads and bodies from one connection, keeping bytes that arrive early (pipelined requests)
 * for the next call. Confined to the connection's thread. The buffer starts small and grows only up to the
 * header cap, so an idle connection costs a few KiB; timeouts are the caller's (see {@link Watchdog}).
 */
final class RequestReader {
    private static final int INITIAL = 4096;

    /** The head did not end within the header cap. */
    static final class HeadTooLargeException extends IOException {
        HeadTooLargeException() {
            super("request head too large");
        }
    }

    private final ReadableByteChannel channel;
    private final int maxHead;
    private byte[] buffer = new byte[INITIAL];
    private int start;
    private int end;

    RequestReader(ReadableByteChannel channel, int maxHeadBytes) {
        this.channel = channel;
        this.maxHead = maxHeadBytes;
    }

    /**
     * Reads up to the blank line that ends a head and returns the head (without that blank line), or null
     * when the client closed cleanly before sending anything. {@code firstByte} runs once, when the first byte
     * of this head is available (the caller switches from the idle to the header deadline).
     */
    byte[] readHead(Runnable firstByte) throws IOException {
        boolean started = false;
        int scanned = 0; // relative to start: fill() may move the bytes

        while (true) {
            skipLeadingBlankLines();
            if (!started && end > start) {
                started = true;
                firstByte.run();
            }
            int terminator = findTerminator(start + scanned);
            if (terminator >= 0) {
                int headEnd = terminator + 1;
                if (headEnd - start > maxHead) {
                    throw new HeadTooLargeException();
                }
                byte[] head = Arrays.copyOfRange(buffer, start, headEnd);
                start = buffer[headEnd] == '\r' ? headEnd + 2 : headEnd + 1;
                return head;
            }
            if (end - start > maxHead) {
                throw new HeadTooLargeException();
            }
            scanned = Math.max(0, end - start - 2);
            if (fill() < 0) {
                if (end == start) {
                    return null;
                }
                throw new EOFException("client closed in the middle of a request head");
            }
        }
    }

    /** Reads exactly {@code length} body bytes; EOF first means a truncated body. */
    byte[] readBody(int length) throws IOException {
        byte[] body = new byte[length];
        int have = Math.min(length, end - start);
        System.arraycopy(buffer, start, body, 0, have);
        start += have;
        ByteBuffer rest = ByteBuffer.wrap(body, have, length - have);
        while (rest.hasRemaining()) {
            if (channel.read(rest) < 0) {
                throw new EOFException("client closed after " + rest.position() + " of " + length + " body bytes");
            }
        }
        return body;
    }

    /** Drops what was read so far (a response ends the connection; leftovers are never parsed). */
    void discardBuffered() {
        start = end = 0;
    }

    private void skipLeadingBlankLines() {
        // medusa ignores blank lines before a request line (RFC 2616 section 4.1 robustness)
        while (start < end && (buffer[start] == '\r' || buffer[start] == '\n')) {
            start++;
        }
    }

    private int findTerminator(int from) {
        for (int i = from; i < end - 1; i++) {
            if (buffer[i] == '\n') {
                if (buffer[i + 1] == '\n') {
                    return i;
                }
                if (buffer[i + 1] == '\r' && i + 2 < end && buffer[i + 2] == '\n') {
                    return i;
                }
            }
        }
        return -1;
    }

    private int fill() throws IOException {
        if (start == end) {
            start = end = 0;
            if (buffer.length > INITIAL) {
                buffer = new byte[INITIAL];
            }
        }
        if (end == buffer.length) {
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            } else {
                // grow up to one byte past the cap, enough to prove the head is too large
                buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxHead + 4));
            }
        }
        int n = channel.read(ByteBuffer.wrap(buffer, end, buffer.length - end));
        if (n > 0) {
            end += n;
        }
        return n;
    }
}
