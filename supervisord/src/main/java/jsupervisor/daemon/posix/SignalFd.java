package jsupervisor.daemon.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Optional;

/**
 * A signalfd reporting a fixed set of signals as readable data in the epoll loop.
 *
 * <p>Not thread-safe: owned by the supervisor loop. It only works for signals that are blocked in every
 * thread (otherwise the kernel delivers them the normal way first), which is why the daemon runs with
 * {@code -Xrs} and HUP/INT/QUIT/TERM/CHLD blocked from exec onwards (DESIGN.md). A thread-directed signal is
 * seen only by a signalfd read on that same thread. Created close-on-exec and non-blocking.
 */
public final class SignalFd implements AutoCloseable {
    /** struct signalfd_siginfo (linux/signalfd.h): 128 bytes on every arch. */
    static final long SIGNALFD_SIGINFO_SIZE = 128;
    static final long SSI_SIGNO = 0;
    static final long SSI_CODE = 8;
    static final long SSI_PID = 12;
    static final long SSI_UID = 16;
    static final long SSI_STATUS = 40;
    static final int SFD_CLOEXEC = Libc.O_CLOEXEC;
    static final int SFD_NONBLOCK = Libc.O_NONBLOCK;

    /** One signal read from the fd: its number, and the sender's pid and uid (0 when sent by the kernel). */
    public record Received(int signal, int senderPid, int senderUid, int code) {}

    private final Fd fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment buffer = arena.allocate(SIGNALFD_SIGINFO_SIZE, 8);

    private SignalFd(Fd fd) {
        this.fd = fd;
    }

    /** Opens a signalfd for {@code signals}; blocking them is the caller's job (see class comment). */
    public static SignalFd open(int... signals) {
        try (Arena temp = Arena.ofConfined()) {
            int fd = Libc.signalfd(-1, SigSet.of(temp, signals), SFD_CLOEXEC | SFD_NONBLOCK);
            if (fd < 0) {
                throw new PosixException("signalfd", Ffm.errno(), "SFD_CLOEXEC|SFD_NONBLOCK");
            }
            return new SignalFd(Fd.adopt(fd));
        }
    }

    /** The fd to register with {@link Epoll#add} for {@link Epoll#IN}. */
    public Fd fd() {
        return fd;
    }

    /** Reads one pending signal, or empty if none is pending. Call until empty when the fd is readable. */
    public Optional<Received> read() {
        long n = fd.read(buffer, SIGNALFD_SIGINFO_SIZE);
        if (n == Fd.WOULD_BLOCK) {
            return Optional.empty();
        }
        if (n != SIGNALFD_SIGINFO_SIZE) {
            throw new IllegalStateException("short signalfd read: " + n + " bytes");
        }
        return Optional.of(new Received(
                buffer.get(ValueLayout.JAVA_INT, SSI_SIGNO),
                buffer.get(ValueLayout.JAVA_INT, SSI_PID),
                buffer.get(ValueLayout.JAVA_INT, SSI_UID),
                buffer.get(ValueLayout.JAVA_INT, SSI_CODE)));
    }

    @Override
    public void close() {
        if (fd.isOpen()) {
            try {
                fd.close();
            } finally {
                arena.close();
            }
        }
    }
}
