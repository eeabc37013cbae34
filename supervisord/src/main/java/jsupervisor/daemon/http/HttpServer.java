package jsupervisor.daemon.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jsupervisor.daemon.config.HttpServerConfig;

/**
 * supervisord's HTTP server: any number of unix and TCP listeners serving the same {@link Route}s, one
 * virtual thread per connection. It knows nothing about RPC, processes or the supervisor loop: routes are
 * called on connection threads and reach the loop by their own means.
 *
 * <p>Life cycle: {@link #open} each section in supervisord's order (inet sections first, then unix) while
 * start-up errors can still be usage errors, {@link #start} once the routes can serve, {@link #close} at
 * shutdown or reload. {@code open} and {@code start} belong to the thread that wires the daemon; the rest is
 * thread-safe. Invariant: at most {@link HttpLimits#maxConnections()} connections are served at once; the
 * excess get medusa's 503 page and are closed.
 */
public final class HttpServer implements AutoCloseable {
    private final HttpConnection.Context context;
    private final List<Listener> listeners = new ArrayList<>();
    private final Set<HttpConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong unixPeers = new AtomicLong();
    private volatile boolean closed;
    private boolean started;

    /** A server for {@code routes} (asked in order, first match wins). */
    public HttpServer(List<Route> routes, HttpLimits limits, ServerNotices notices, Clock clock) {
        this.context = new HttpConnection.Context(List.copyOf(routes), limits, clock,
                new Watchdog(limits.shortestTimeout()), notices);
    }

    /**
     * Binds one section's socket; on failure the message is supervisord's usage error, and listeners opened
     * before stay open until {@link #close()}.
     */
    public ListenerInfo open(HttpServerConfig config) throws HttpServerException {
        if (started || closed) {
            throw new IllegalStateException("open() comes before start() and close()");
        }
        Listener listener = Listener.open(config, context.notices());
        listeners.add(listener);
        return listener.info();
    }

    /** Starts accepting on every opened listener. */
    public void start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        context.watchdog().start();
        for (Listener listener : listeners) {
            listener.start(this::accepted);
        }
    }

    /** The opened listeners, in opening order. */
    public List<ListenerInfo> listeners() {
        return listeners.stream().map(Listener::info).toList();
    }

    /** Connections being served right now (for tests and diagnostics). */
    public int activeConnections() {
        return active.get();
    }

    /**
     * Stops accepting, removes unix socket files and closes every connection (an open log tail ends as its
     * client would see a server restart).
     */
    @Override
    public void close() {
        closed = true;
        listeners.forEach(Listener::close);
        connections.forEach(HttpConnection::closeChannel);
        context.watchdog().close();
    }

    private void accepted(Listener listener, SocketChannel channel) {
        String peer = peerName(channel);
        if (closed) {
            closeQuietly(channel);
            return;
        }
        if (active.incrementAndGet() > context.limits().maxConnections()) {
            active.decrementAndGet();
            HttpConnection refused = new HttpConnection(channel, peer, listener.info(), null, context, () -> {});
            Thread.ofVirtual().name("rpc-" + peer + "-refused").start(refused::refuseBusy);
            return;
        }
        HttpConnection connection = new HttpConnection(channel, peer, listener.info(), listener.auth(), context,
                () -> active.decrementAndGet());
        connections.add(connection);
        try {
            Thread.ofVirtual().name("rpc-" + peer).start(() -> {
                try {
                    connection.run();
                } finally {
                    connections.remove(connection);
                }
            });
        } catch (RuntimeException | OutOfMemoryError e) {
            // no thread, no connection: release it here so the accept thread lives on
            connections.remove(connection);
            active.decrementAndGet();
            closeQuietly(channel);
            return;
        }
        if (closed) {
            connection.closeChannel(); // close() ran between the check above and the add
        }
    }

    private String peerName(SocketChannel channel) {
        try {
            if (channel.getRemoteAddress() instanceof InetSocketAddress inet) {
                return inet.getAddress().getHostAddress() + ":" + inet.getPort();
            }
        } catch (IOException e) {
            // fall through: the peer already left, any name will do
        }
        return "unix-" + unixPeers.incrementAndGet();
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }
}
