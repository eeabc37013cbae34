package jsupervisor.daemon.http;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Creates the listening unix socket file the way supervisor/http.py {@code supervisor_af_unix_http_server}
 * does, so two daemons racing for one path cannot both win and a stale file left by a crash is replaced:
 * bind {@code <file>.<pid>}, chmod it, hard-link it to {@code <file>}; when the link exists, probe it with
 * {@code GET / HTTP/1.0} and either refuse (somebody answers) or print
 * {@code Unlinking stale socket <file>}, unlink, wait 0.3 s and retry; finally chown. Stateless; called on
 * the thread that opens the server.
 */
final class UnixSocketFile {
    static final int BACKLOG = 1024;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(300);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    // Python retries forever; a file we can neither link over nor unlink would spin, so give up eventually
    private static final int MAX_ATTEMPTS = 10;

    private UnixSocketFile() {}

    /** Binds and returns the listening channel for {@code file}; on failure nothing of ours is left behind. */
    static ServerSocketChannel bind(Path file, int chmod, int uid, int gid, ServerNotices notices)
            throws HttpServerException {
        Path temp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid());
        deleteQuietly(temp);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            ServerSocketChannel channel = null;
            boolean linked = false;
            try {
                channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                channel.bind(UnixDomainSocketAddress.of(temp), BACKLOG);
                Files.setAttribute(temp, "unix:mode", chmod & 07777);
                try {
                    Files.createLink(file, temp);
                    linked = true;
                } catch (FileAlreadyExistsException e) {
                    if (inUse(file)) {
                        throw new HttpServerException(HttpServerException.ADDRESS_IN_USE);
                    }
                    notices.stderr("Unlinking stale socket " + file);
                    deleteQuietly(file);
                    pause();
                    continue;
                }
                chown(file, uid, gid);
                ServerSocketChannel result = channel;
                channel = null;
                return result;
            } catch (IOException e) {
                if (linked) {
                    deleteQuietly(file);
                }
                throw HttpServerException.fromBind(e);
            } catch (HttpServerException e) {
                if (linked) {
                    deleteQuietly(file);
                }
                throw e;
            } finally {
                deleteQuietly(temp);
                closeQuietly(channel);
            }
        }
        throw new HttpServerException("Cannot open an HTTP server: could not replace stale socket " + file);
    }

    /** Mirrors {@code checkused}: in use when a connection, a request and a one-byte read all succeed. */
    static boolean inUse(Path file) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(file));
            probe.write(ByteBuffer.wrap("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            // a live server that never answers must not hang start-up: bound the read with a closer thread
            Thread closer = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(PROBE_TIMEOUT);
                    probe.close();
                } catch (InterruptedException | IOException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try {
                probe.read(ByteBuffer.allocate(1));
            } catch (java.nio.channels.AsynchronousCloseException e) {
                return true;
            } finally {
                closer.interrupt();
            }
            // Python's recv returns b'' at EOF without raising: that still counts as "used"
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void chown(Path file, int uid, int gid) throws HttpServerException, IOException {
        if (uid == -1 && gid == -1) {
            return;
        }
        try {
            if (gid != -1) {
                Files.setAttribute(file, "unix:gid", gid);
            }
            if (uid != -1) {
                Files.setAttribute(file, "unix:uid", uid);
            }
        } catch (FileSystemException e) {
            if (String.valueOf(e.getReason()).contains("Operation not permitted")) {
                throw new HttpServerException("Not permitted to chown " + file + " to uid/gid (" + uid + ", " + gid
                        + "); adjust \"sockchown\" value in config file or on command line to values that the "
                        + "current user (" + System.getProperty("user.name") + ") can successfully chown", e);
            }
            throw e;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // nothing to do: the next start reports the file as stale or in use
        }
    }

    private static void closeQuietly(ServerSocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // a listening socket that fails to close has nothing left to release
            }
        }
    }
}
