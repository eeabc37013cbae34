package jsupervisor.daemon.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An eventfd (close-on-exec, non-blocking) that lets any thread wake the supervisor loop out of
 * {@link Epoll#waitFor(int)}.
 *
 * <p>{@link #signal()} is thread-safe (one 8-byte write, atomic in the kernel) and may be called from RPC
 * and signal-handler threads. {@link #drain()} and {@link #close()} belong to the loop thread. A signal races
 * the close at shutdown (an RPC thread still answering, a signal arriving): {@link #close()} waits for a signal
 * in progress and every later one does nothing, so a late signal can never write to the fd number after it was
 * closed, which another open may already have reused.
 */
public final class EventFd implements AutoCloseable {
    static final int EFD_CLOEXEC = Libc.O_CLOEXEC;
    static final int EFD_NONBLOCK = Libc.O_NONBLOCK;

    private final Fd fd;
    // The number itself, final, for signal() on other threads (Fd's own state is loop-confined).
    private final int number;
    // Signals hold the read side while they check and write; close() takes the write side.
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private boolean closed; // guarded by gate

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
        Lock read = gate.readLock();
        read.lock();
        try {
            if (!closed) {
                write();
            }
        } finally {
            read.unlock();
        }
    }

    private void write() {
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

    /** Closes the fd once no signal is in progress; later signals do nothing. Idempotent. */
    @Override
    public void close() {
        Lock write = gate.writeLock();
        write.lock();
        try {
            if (!closed) {
                closed = true;
                fd.close();
            }
        } finally {
            write.unlock();
        }
    }
}
