package jsupervisor.daemon.posix;

import static jsupervisor.daemon.posix.Ffm.address;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import jsupervisor.daemon.posix.Ffm.Function;

/**
 * A bound, listening stream socket whose descriptor children inherit as their fd 0: the shared socket of an
 * {@code [fcgi-program:x]} group. The JDK's server channels hide their descriptor, so the socket is made here.
 *
 * <p>Made as Supervisor makes it ({@code supervisor/datatypes.py}): a unix socket replaces whatever file is at
 * its path, is chowned and chmodded after bind, and its file is removed again if any step fails (but not on
 * close); a TCP socket is IPv4 with SO_REUSEADDR. Failures throw {@link Failure} with Python's rendering of the
 * error ({@code [Errno 2] No such file or directory}), which is what Supervisor's messages embed.
 *
 * <p>Close-on-exec (posix_spawn's dup2 to fd 0 clears it in the child only). Not thread-safe: owned by the loop.
 */
public final class ListeningSocket implements AutoCloseable {
    /** A socket that could not be made; the message reads like Python's OSError. */
    public static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    private static final int AF_UNIX = 1;
    private static final int AF_INET = 2;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_REUSEADDR = 2;
    /** Python's socket.SOMAXCONN on this platform, the backlog Supervisor uses when none is configured. */
    public static final int SOMAXCONN = 4096;
    private static final int SUN_PATH_MAX = 108;
    private static final int SOCKADDR_IN_SIZE = 16;

    private static final Function SOCKET = Ffm.function("socket");
    private static final Function BIND = Ffm.function("bind");
    private static final Function LISTEN = Ffm.function("listen");
    private static final Function SETSOCKOPT = Ffm.function("setsockopt");

    private final Fd fd;

    private ListeningSocket(Fd fd) {
        this.fd = fd;
    }

    /** The descriptor to hand to children. */
    public Fd fd() {
        return fd;
    }

    /**
     * A unix stream socket at {@code path}: an existing file there is removed first; after bind the file gets
     * {@code uid}/{@code gid} when either is not -1 and {@code mode} when not null.
     */
    public static ListeningSocket unix(String path, int uid, int gid, Integer mode, int backlog) throws Failure {
        byte[] name = path.getBytes(StandardCharsets.UTF_8);
        Path file = Path.of(path);
        if (Files.exists(file)) {
            unlink(file);
        }
        if (name.length >= SUN_PATH_MAX) {
            throw new Failure("AF_UNIX path too long");
        }
        Fd fd = open(AF_UNIX);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment addr = arena.allocate(UnixDatagramSocket.SOCKADDR_UN_SIZE, 2);
            addr.set(ValueLayout.JAVA_SHORT, 0, (short) AF_UNIX);
            MemorySegment.copy(name, 0, addr, ValueLayout.JAVA_BYTE, 2, name.length);
            bind(fd, addr, UnixDatagramSocket.SOCKADDR_UN_SIZE);
            if (uid != -1 || gid != -1) {
                try {
                    PosixFiles.chown(file, uid, gid);
                } catch (PosixException e) {
                    throw new Failure("Could not change ownership of socket file: " + python(e.errno()));
                }
            }
            if (mode != null) {
                try {
                    PosixFiles.chmod(file, mode);
                } catch (PosixException e) {
                    throw new Failure("Could not change permissions of socket file: " + python(e.errno()));
                }
            }
            listen(fd, backlog);
            return new ListeningSocket(fd);
        } catch (Failure e) {
            fd.close();
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    unlink(file);
                } catch (Failure ignored) {
                    // the first failure is the one worth reporting
                }
            }
            throw e;
        }
    }

    /** An IPv4 stream socket on {@code host}:{@code port} with SO_REUSEADDR. */
    public static ListeningSocket tcp(String host, int port, int backlog) throws Failure {
        byte[] address = ipv4(host);
        Fd fd = open(AF_INET);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment one = arena.allocate(ValueLayout.JAVA_INT);
            one.set(ValueLayout.JAVA_INT, 0, 1);
            int rc = (int) Ffm.call(SETSOCKOPT, fd.value(), SOL_SOCKET, SO_REUSEADDR, address(one), 4);
            if (rc < 0) {
                throw new Failure(python(Ffm.errno()));
            }
            MemorySegment addr = arena.allocate(SOCKADDR_IN_SIZE, 4);
            addr.set(ValueLayout.JAVA_SHORT, 0, (short) AF_INET);
            addr.set(ValueLayout.JAVA_BYTE, 2, (byte) (port >>> 8)); // sin_port in network byte order
            addr.set(ValueLayout.JAVA_BYTE, 3, (byte) port);
            MemorySegment.copy(address, 0, addr, ValueLayout.JAVA_BYTE, 4, 4);
            bind(fd, addr, SOCKADDR_IN_SIZE);
            listen(fd, backlog);
            return new ListeningSocket(fd);
        } catch (Failure e) {
            fd.close();
            throw e;
        }
    }

    private static byte[] ipv4(String host) throws Failure {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (a instanceof Inet4Address) {
                    return a.getAddress();
                }
            }
            throw new Failure("[Errno -9] Address family for hostname not supported");
        } catch (UnknownHostException e) {
            throw new Failure("[Errno -2] Name or service not known");
        }
    }

    private static Fd open(int family) throws Failure {
        int raw = (int) Ffm.call(SOCKET, family, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (raw < 0) {
            throw new Failure(python(Ffm.errno()));
        }
        return Fd.adopt(raw);
    }

    private static void bind(Fd fd, MemorySegment addr, int length) throws Failure {
        int rc = (int) Ffm.call(BIND, fd.value(), address(addr), length);
        if (rc < 0) {
            throw new Failure(python(Ffm.errno()));
        }
    }

    private static void listen(Fd fd, int backlog) throws Failure {
        int rc = (int) Ffm.call(LISTEN, fd.value(), backlog);
        if (rc < 0) {
            throw new Failure(python(Ffm.errno()));
        }
    }

    private static void unlink(Path file) throws Failure {
        try {
            PosixFiles.unlink(file);
        } catch (PosixException e) {
            throw new Failure(python(e.errno()) + ": '" + file + "'");
        }
    }

    /** How Python prints an OSError without a file name. */
    private static String python(int errno) {
        return "[Errno " + errno + "] " + Errno.text(errno);
    }

    @Override
    public void close() {
        fd.close();
    }
}
