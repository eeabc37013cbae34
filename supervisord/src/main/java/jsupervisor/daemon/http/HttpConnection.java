package jsupervisor.daemon.http;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One accepted connection, served on its own virtual thread ({@code rpc-<peer>}): read a head, authenticate,
 * route, read the body, let the route answer, and repeat while the connection stays persistent.
 *
 * <p>Containment is the invariant: whatever the client sends or does, and whatever a route throws, ends at
 * most this connection, and {@link #run()} always closes the channel and releases the server's slot.
 * Deadlines are a volatile field that the {@link Watchdog} enforces by closing the channel.
 */
final class HttpConnection implements Runnable, Watchdog.Guarded, Wire {
    private static final Duration LINGER = Duration.ofSeconds(2);
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** What every connection of one server shares. */
    record Context(List<Route> routes, HttpLimits limits, Clock clock, Watchdog watchdog, ServerNotices notices) {}

    private final SocketChannel channel;
    private final String peer;
    private final ListenerInfo listener;
    private final BasicAuth auth;
    private final Context context;
    private final Runnable onClosed;
    private final RequestReader reader;
    private final CountDownLatch gone = new CountDownLatch(1);
    private volatile long deadline = Long.MAX_VALUE;
    private boolean watching;

    HttpConnection(SocketChannel channel, String peer, ListenerInfo listener, BasicAuth auth, Context context,
                   Runnable onClosed) {
        this.channel = channel;
        this.peer = peer;
        this.listener = listener;
        this.auth = auth;
        this.context = context;
        this.onClosed = onClosed;
        this.reader = new RequestReader(channel, context.limits().maxHeaderBytes());
    }

    @Override
    public void run() {
        context.watchdog().register(this);
        try {
            boolean close = serve();
            if (close) {
                lingeringClose();
            }
        } catch (IOException | RuntimeException e) {
            // the client vanished, timed out or sent something unusable: only this connection ends
        } finally {
            context.watchdog().unregister(this);
            closeChannel();
            onClosed.run();
        }
    }

    /** Answers 503 without reading a request, for a connection over {@link HttpLimits#maxConnections()}. */
    void refuseBusy() {
        context.watchdog().register(this);
        try {
            refuse(RequestHead.plain("1.0"), 503);
            lingeringClose();
        } catch (IOException | RuntimeException e) {
            // the client left first
        } finally {
            context.watchdog().unregister(this);
            closeChannel();
            onClosed.run();
        }
    }

    /** Serves requests until one ends the connection; true when the server chose to close (drain first). */
    private boolean serve() throws IOException {
        boolean first = true;
        while (true) {
            // a new connection has headerTimeout from connect; a kept-alive one idles, then gets headerTimeout
            deadline = after(first ? context.limits().headerTimeout() : context.limits().idleTimeout());
            boolean idle = !first;
            byte[] headBytes;
            try {
                headBytes = reader.readHead(() -> {
                    if (idle) {
                        deadline = after(context.limits().headerTimeout());
                    }
                });
            } catch (RequestReader.HeadTooLargeException e) {
                refuse(RequestHead.plain("1.0"), 431);
                return true;
            }
            if (headBytes == null) {
                return false;
            }
            deadline = Long.MAX_VALUE;
            RequestHead head;
            try {
                head = RequestHead.parse(headBytes, headBytes.length);
            } catch (RequestHead.MalformedException e) {
                refuse(RequestHead.plain("1.0"), 400);
                return true;
            }
            if (!head.version().equals("1.0") && !head.version().equals("1.1")) {
                refuse(RequestHead.plain(head.version().startsWith("1.") ? "1.1" : "1.0"), 505);
                return true;
            }
            if (!exchange(head)) {
                return true;
            }
            first = false;
        }
    }

    /** One request/response; false when the connection must end after it. */
    private boolean exchange(RequestHead head) throws IOException {
        String user = null;
        if (auth != null) {
            switch (auth.check(head.header("Authorization"))) {
                case BasicAuth.Result.Accepted a -> user = a.user();
                case BasicAuth.Result.Malformed m -> {
                    refuse(head, 400);
                    return false;
                }
                case BasicAuth.Result.Rejected r -> {
                    // mirrors medusa's handle_unauthorized: the body is never read, the connection closes
                    HttpResponse response = new HttpResponse(this, context.clock(), head);
                    response.header("Connection", "close").header("WWW-Authenticate", BasicAuth.CHALLENGE);
                    response.closeConnection().sendError(401);
                    return false;
                }
            }
        }
        if (head.header("Transfer-Encoding") != null) {
            // chunked uploads are not supported; Supervisor's RPC handler answers them 411 as well
            refuse(head, 411);
            return false;
        }
        long length = contentLength(head);
        if (length == -2) {
            refuse(head, 400);
            return false;
        }
        HttpRequest probe = new HttpRequest(head, new byte[0], peer, listener, user);
        Route route;
        try {
            route = context.routes().stream().filter(r -> r.matches(probe)).findFirst().orElse(null);
        } catch (RuntimeException e) {
            context.notices().routeFailed(probe, e);
            refuse(head, 500);
            return false;
        }
        if (route == null) {
            HttpResponse response = new HttpResponse(this, context.clock(), head);
            if (length > 0) {
                response.closeConnection();
            }
            // medusa's last handler serves files: GET and HEAD of a missing one are 404, any other method 400
            boolean fileMethod = head.method().equals("GET") || head.method().equals("HEAD");
            response.sendError(fileMethod ? 404 : 400);
            return response.keepAlive();
        }
        if (length > context.limits().maxBodyBytes()) {
            refuse(head, 413);
            return false;
        }
        HttpRequest request = probe;
        if (length > 0) {
            if (head.version().equals("1.1") && head.headerHasToken("Expect", "100-continue")) {
                write(CONTINUE, 0, CONTINUE.length);
            }
            deadline = after(context.limits().bodyTimeout());
            byte[] body = reader.readBody((int) length);
            deadline = Long.MAX_VALUE;
            request = new HttpRequest(head, body, peer, listener, user);
        }
        return dispatch(route, request, head);
    }

    private boolean dispatch(Route route, HttpRequest request, RequestHead head) throws IOException {
        HttpResponse response = new HttpResponse(this, context.clock(), head);
        try {
            route.handle(request, response);
            if (!response.committed()) {
                throw new IllegalStateException(route + " returned without answering " + request);
            }
        } catch (IOException e) {
            if (response.committed()) {
                throw e; // most likely the client went away mid-answer
            }
            context.notices().routeFailed(request, e);
            refuse(head, 500);
            return false;
        } catch (RuntimeException | Error e) {
            context.notices().routeFailed(request, e);
            if (response.committed()) {
                throw new EOFException("route failed mid-answer");
            }
            refuse(head, 500);
            return false;
        }
        return response.keepAlive();
    }

    /** Sends medusa's error page for {@code status}; the connection closes after it. */
    private void refuse(RequestHead head, int status) throws IOException {
        HttpResponse response = new HttpResponse(this, context.clock(), head);
        response.closeConnection().sendError(status);
    }

    /** The declared length, -1 when absent, -2 when unusable (not digits, or two different values). */
    static long contentLength(RequestHead head) {
        String value = null;
        for (HttpHeader h : head.headers()) {
            if (h.name().equalsIgnoreCase("Content-Length")) {
                if (value != null && !value.equals(h.value())) {
                    return -2;
                }
                value = h.value();
            }
        }
        if (value == null) {
            return -1;
        }
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -2;
        }
        return Long.parseLong(value);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data, offset, length);
        long previous = deadline;
        deadline = after(context.limits().writeTimeout());
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } finally {
            deadline = previous;
        }
    }

    @Override
    public void watchForClientGone() {
        reader.discardBuffered();
        watching = true;
        Thread.ofVirtual().name("rpc-" + peer + "-watch").start(() -> {
            ByteBuffer scratch = ByteBuffer.allocate(512);
            try {
                while (channel.read(scratch.clear()) >= 0) {
                    // a streamed answer is the last on this connection: whatever the client sends is dropped
                }
            } catch (IOException e) {
                // closed by us, reset by the client: gone either way
            } finally {
                gone.countDown();
            }
        });
    }

    @Override
    public boolean awaitClientGone(Duration timeout) throws InterruptedException {
        return gone.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public long deadline() {
        return deadline;
    }

    @Override
    public void expire() {
        closeChannel();
    }

    /** Closes the channel from any thread: used by {@link HttpServer#close()} and the watchdog. */
    void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to release
        }
        gone.countDown();
    }

    /**
     * Half-closes, then discards input until the client closes or {@link #LINGER} passes: closing a socket
     * with unread request bytes makes the kernel send a reset, which can destroy our error page before the
     * client reads it.
     */
    private void lingeringClose() {
        try {
            channel.shutdownOutput();
            if (watching) {
                // the watcher already reads the input and counts down when the client closes
                gone.await(LINGER.toNanos(), TimeUnit.NANOSECONDS);
                return;
            }
            deadline = after(LINGER.compareTo(context.limits().headerTimeout()) < 0 ? LINGER
                    : context.limits().headerTimeout());
            ByteBuffer scratch = ByteBuffer.allocate(4096);
            while (channel.read(scratch.clear()) >= 0) {
                // discard
            }
        } catch (IOException e) {
            // closed by the watchdog or the client: done either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long after(Duration d) {
        return System.nanoTime() + d.toNanos();
    }
}
