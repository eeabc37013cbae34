package jsupervisor.daemon.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;

import jsupervisor.daemon.config.HttpServerConfig;

/**
 * One bound server socket (a {@code [unix_http_server*]} or {@code [inet_http_server*]} section) and its
 * accept thread, {@code http-accept-unix} or {@code http-accept-tcp}. The accept thread only hands each
 * new channel to the server; it never reads. Closing stops accepting and removes the unix socket file.
 */
final class Listener implements AutoCloseable {
    private final ServerSocketChannel channel;
    private final ListenerInfo info;
    private final BasicAuth auth;
    private final Path socketFile;
    private Thread acceptor;

    private Listener(ServerSocketChannel channel, ListenerInfo info, BasicAuth auth, Path socketFile) {
        this.channel = channel;
        this.info = info;
        this.auth = auth;
        this.socketFile = socketFile;
    }

    /** Binds the socket a section describes (see {@link UnixSocketFile} for the unix order of steps). */
    static Listener open(HttpServerConfig config, ServerNotices notices) throws HttpServerException {
        BasicAuth auth = BasicAuth.forConfig(config);
        return switch (config) {
            case HttpServerConfig.Unix unix -> {
                Path file = Path.of(unix.file());
                ServerSocketChannel channel =
                        UnixSocketFile.bind(file, unix.chmod(), unix.chownUid(), unix.chownGid(), notices);
                yield new Listener(channel, new ListenerInfo(unix.section(), true, "<unix domain socket>",
                        unix.file()), auth, file);
            }
            case HttpServerConfig.Inet inet -> openTcp(inet, auth);
        };
    }

    private static Listener openTcp(HttpServerConfig.Inet inet, BasicAuth auth) throws HttpServerException {
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open();
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            InetSocketAddress address = inet.host().isEmpty() ? new InetSocketAddress(inet.port())
                    : new InetSocketAddress(inet.host(), inet.port());
            channel.bind(address, UnixSocketFile.BACKLOG);
            InetSocketAddress bound = (InetSocketAddress) channel.getLocalAddress();
            String name = inet.host().isEmpty() ? bound.getAddress().getHostAddress() : inet.host();
            return new Listener(channel, new ListenerInfo(inet.section(), false, name,
                    Integer.toString(bound.getPort())), auth, null);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // the bind already failed; nothing is listening
                }
            }
            throw HttpServerException.fromBind(e);
        }
    }

    ListenerInfo info() {
        return info;
    }

    BasicAuth auth() {
        return auth;
    }

    /** Starts the accept thread; each accepted channel goes to {@code accepted} with this listener. */
    void start(BiConsumer<Listener, SocketChannel> accepted) {
        acceptor = Thread.ofPlatform().name(info.unix() ? "http-accept-unix" : "http-accept-tcp").daemon()
                .start(() -> acceptLoop(accepted));
    }

    private void acceptLoop(BiConsumer<Listener, SocketChannel> accepted) {
        while (channel.isOpen()) {
            try {
                accepted.accept(this, channel.accept());
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // EMFILE and friends: back off instead of spinning, the condition is usually transient
                LockSupport.parkNanos(50_000_000L);
            }
        }
    }

    /** Stops accepting and removes the socket file; waits for the accept thread to finish. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
        if (socketFile != null) {
            UnixSocketFile.deleteQuietly(socketFile);
        }
        if (acceptor != null) {
            try {
                acceptor.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
