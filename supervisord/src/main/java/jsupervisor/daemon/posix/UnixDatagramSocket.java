package jsupervisor.daemon.posix;

import static jsupervisor.daemon.posix.Ffm.address;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

import jsupervisor.daemon.posix.Ffm.Function;

/**
 * A connected AF_UNIX datagram socket, for syslog's {@code /dev/log}: the JDK's DatagramChannel has no unix
 * domain support. Close-on-exec; sends are blocking (a syslog daemon reads promptly; a full queue only delays
 * us by one datagram). Not thread-safe; owned by the loop thread.
 */
public final class UnixDatagramSocket implements AutoCloseable {
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;
    /** struct sockaddr_un: sa_family_t (2 bytes) then sun_path[108]; same on x86-64 and aarch64. */
    static final int SOCKADDR_UN_SIZE = 110;
    private static final int SUN_PATH_OFFSET = 2;
    private static final int SUN_PATH_MAX = 108;

    private static final Function SOCKET = Ffm.function("socket");
    private static final Function CONNECT = Ffm.function("connect");
    private static final Function SEND = Ffm.function("send");

    private final Fd fd;

    private UnixDatagramSocket(Fd fd) {
        this.fd = fd;
    }

    /** socket(AF_UNIX, SOCK_DGRAM) connected to {@code path}. */
    public static UnixDatagramSocket connect(String path) {
        byte[] name = path.getBytes(StandardCharsets.UTF_8);
        if (name.length >= SUN_PATH_MAX) {
            throw new PosixException("connect", Errno.ENAMETOOLONG, path);
        }
        int raw = (int) Ffm.call(SOCKET, AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (raw < 0) {
            throw new PosixException("socket", Ffm.errno(), "AF_UNIX, SOCK_DGRAM");
        }
        Fd fd = Fd.adopt(raw);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment addr = arena.allocate(SOCKADDR_UN_SIZE, 2);
            addr.set(ValueLayout.JAVA_SHORT, 0, (short) AF_UNIX);
            MemorySegment.copy(name, 0, addr, ValueLayout.JAVA_BYTE, SUN_PATH_OFFSET, name.length);
            int rc = (int) Ffm.call(CONNECT, raw, address(addr), SOCKADDR_UN_SIZE);
            if (rc < 0) {
                int errno = Ffm.errno();
                fd.close();
                throw new PosixException("connect", errno, path);
            }
        }
        return new UnixDatagramSocket(fd);
    }

    /** Sends one datagram; throws on failure (ECONNREFUSED when syslog went away, EMSGSIZE, ...). */
    public void send(byte[] message) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocateFrom(ValueLayout.JAVA_BYTE, message);
            while (true) {
                long n = Ffm.call(SEND, fd.value(), address(buf), message.length, 0);
                if (n >= 0) {
                    return;
                }
                int errno = Ffm.errno();
                if (errno != Errno.EINTR) {
                    throw new PosixException("send", errno, "fd=" + fd.value());
                }
            }
        }
    }

    @Override
    public void close() {
        fd.close();
    }
}
