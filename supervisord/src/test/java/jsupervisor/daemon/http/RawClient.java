package jsupervisor.daemon.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A byte-level HTTP client for tests: sends exactly what it is given and reads with deadlines (a selector,
 * since a unix {@link SocketChannel} has no read timeout), so a hung server fails the test instead of
 * hanging it.
 */
final class RawClient implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(10);

    private final SocketChannel channel;
    private final Selector selector;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean eof;

    private RawClient(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
        this.selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
    }

    static RawClient tcp(int port) throws IOException {
        return new RawClient(SocketChannel.open(new InetSocketAddress("127.0.0.1", port)));
    }

    static RawClient unix(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return new RawClient(channel);
    }

    RawClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawClient send(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (buffer.hasRemaining()) {
            if (channel.write(buffer) == 0) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IOException("server stopped reading");
                }
                Thread.onSpinWait();
            }
        }
        return this;
    }

    /** Reads one complete response (Content-Length, chunked, or until EOF) as ISO-8859-1 text. */
    String readResponse() throws IOException {
        String head = readUntil("\r\n\r\n");
        String lower = head.toLowerCase();
        if (head.startsWith("HTTP/1.1 100 ")) {
            return head;
        }
        int cl = lower.indexOf("\r\ncontent-length: ");
        if (cl >= 0) {
            int n = Integer.parseInt(head.substring(cl + 18, head.indexOf("\r\n", cl + 2)).trim());
            return head + readExactly(n);
        }
        if (lower.contains("\r\ntransfer-encoding: chunked")) {
            StringBuilder body = new StringBuilder();
            while (true) {
                String sizeLine = readUntil("\r\n");
                int size = Integer.parseInt(sizeLine.trim(), 16);
                String chunk = readExactly(size + 2);
                body.append(sizeLine).append(chunk);
                if (size == 0) {
                    return head + body;
                }
            }
        }
        return head + readUntilClosed();
    }

    /** Reads until {@code marker} has arrived and returns everything up to and including it. */
    String readUntil(String marker) throws IOException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            String text = pending.toString(StandardCharsets.ISO_8859_1);
            int at = text.indexOf(marker);
            if (at >= 0) {
                take(at + marker.length());
                return text.substring(0, at + marker.length());
            }
            if (eof) {
                throw new IOException("EOF before " + marker.strip() + "; got: " + text);
            }
            fill(deadline);
        }
    }

    String readExactly(int n) throws IOException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (pending.size() < n) {
            if (eof) {
                throw new IOException("EOF after " + pending.size() + " of " + n + " bytes");
            }
            fill(deadline);
        }
        String text = pending.toString(StandardCharsets.ISO_8859_1).substring(0, n);
        take(n);
        return text;
    }

    /** Everything until the server closes (a reset counts as closed). */
    String readUntilClosed() throws IOException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!eof) {
            fill(deadline);
        }
        String text = pending.toString(StandardCharsets.ISO_8859_1);
        pending.reset();
        return text;
    }

    /** True when the server closed within {@code timeout}; what it sent meanwhile is discarded. */
    boolean closedWithin(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!eof) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            selector.select(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            selector.selectedKeys().clear();
            readAvailable();
        }
        return true;
    }

    private void fill(long deadline) throws IOException {
        if (System.nanoTime() - deadline > 0) {
            throw new IOException("timed out; received so far: " + pending.toString(StandardCharsets.ISO_8859_1));
        }
        selector.select(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        selector.selectedKeys().clear();
        readAvailable();
    }

    private void readAvailable() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        try {
            int n;
            while ((n = channel.read(buffer.clear())) > 0) {
                pending.write(buffer.array(), 0, n);
            }
            if (n < 0) {
                eof = true;
            }
        } catch (IOException e) {
            eof = true; // connection reset
        }
    }

    private void take(int n) {
        byte[] all = pending.toByteArray();
        pending.reset();
        pending.write(all, n, all.length - n);
    }

    @Override
    public void close() throws IOException {
        selector.close();
        channel.close();
    }
}
