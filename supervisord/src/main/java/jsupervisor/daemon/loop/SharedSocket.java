package jsupervisor.daemon.loop;

import jsupervisor.daemon.config.FcgiSocketConfig;
import jsupervisor.daemon.logging.DaemonLog;
import jsupervisor.daemon.posix.Fd;
import jsupervisor.daemon.posix.ListeningSocket;

/**
 * The listening socket of an {@code [fcgi-program:x]} group, counted by reference as Supervisor's SocketManager
 * does: made ({@code Creating socket <url>}) when the first of the group's processes is spawned, and closed
 * ({@code Closing socket <url>}) when the last one is reaped; each running child holds a {@link Lease}. A unix
 * socket's file stays behind after close, as with Supervisor, and is replaced when the socket is made again.
 *
 * <p>Loop-confined.
 */
final class SharedSocket {
    private final FcgiSocketConfig config;
    private final DaemonLog log;
    private ListeningSocket socket;
    private int references;

    SharedSocket(FcgiSocketConfig config, DaemonLog log) {
        this.config = config;
        this.log = log;
    }

    String url() {
        return config.url();
    }

    /** One child's hold on the socket; closing it (once) drops the reference. */
    final class Lease implements AutoCloseable {
        private boolean released;

        Fd fd() {
            return socket.fd();
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                release();
            }
        }
    }

    /** Takes a reference, making the socket if it is the first. */
    Lease acquire() throws ListeningSocket.Failure {
        if (references == 0) {
            log.info("Creating socket " + config.url());
            socket = make();
        }
        references++;
        return new Lease();
    }

    private void release() {
        references--;
        if (references == 0) {
            log.info("Closing socket " + config.url());
            socket.close();
            socket = null;
        }
    }

    private ListeningSocket make() throws ListeningSocket.Failure {
        int backlog = config.backlog() == null ? ListeningSocket.SOMAXCONN : config.backlog();
        return config.isUnix()
                ? ListeningSocket.unix(config.path(), config.ownerUid(), config.ownerGid(), config.mode(), backlog)
                : ListeningSocket.tcp(config.host(), config.port(), backlog);
    }
}
