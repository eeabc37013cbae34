package jsupervisor.daemon.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * An eventfd (close-on-exec, non-blocking) that lets any thread wake the supervisor loop out of
 * {@link Epoll#waitFor(int)}.
 *
 * <p>{@link #signal()} is thread-safe (one 8-byte write, atomic in the kernel) and may be called from RPC
 * and signal-handler threads. {@link #drain()} and {@link #close()} belong to the loop thread. Invariant:
 * the loop closes it only after every signalling thread has stopped, otherwise a late signal could write
 * to a recycled fd number.
 */
public final class EventFd implements AutoCloseable {
    static final int EFD_CLOEXEC = Libc.O_CLOEXEC;
    static final int EFD_NONBLOCK = Libc.O_NONBLOCK;

    private final Fd fd;
    // The number itself, final, for signal() on other threads (Fd's own state is loop-confined).
    private final int number;
    private volatile boolean closed;

    private EventFd(Fd fd) {
        this.fd = fd;
        this.number = fd.value();
    }

    /** Creates the eventfd with a zero counter. */
    public static EventFd open() {
        int fd = Libc.eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        if (fd < 0) {
            throw new PosixException("eventfd", Ffm.errno(), "EFD_CLOEXEC|EFD_NONBLOCK");
        }
        return new EventFd(Fd.adopt(fd));
    }

    /** The fd to register with {@link Epoll#add} for {@link Epoll#IN}. */
    public Fd fd() {
        return fd;
    }

    /**
     * Makes the fd readable until the next {@link #drain()}. Many signals before a drain coalesce into one
     * wake-up. A no-op once closed.
     */
    public void signal() {
        if (closed) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment one = arena.allocate(ValueLayout.JAVA_LONG);
            one.set(ValueLayout.JAVA_LONG, 0, 1L);
            while (true) {
                long n = Libc.write(number, one, 8);
                if (n == 8) {
                    return;
                }
                int errno = Ffm.errno();
                // EAGAIN: the counter is at its maximum, so the loop will wake anyway.
                if (errno == Errno.EAGAIN) {
                    return;
                }
                if (errno != Errno.EINTR) {
                    throw new PosixException("write", errno, "eventfd=" + number);
                }
            }
        }
    }

    /**
     * Resets the counter so the fd is no longer readable.
     *
     * @return how many signals were coalesced since the last drain (0 if none)
     */
    public long drain() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocate(ValueLayout.JAVA_LONG);
            long n = fd.read(value, 8);
            return n == 8 ? value.get(ValueLayout.JAVA_LONG, 0) : 0;
        }
    }

    @Override
    public void close() {
        closed = true;
        fd.close();
    }
}
