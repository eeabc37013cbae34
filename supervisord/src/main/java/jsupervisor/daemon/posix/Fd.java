package jsupervisor.daemon.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * An owned file descriptor: an int plus the duty to close it exactly once.
 *
 * <p>Not thread-safe: an Fd belongs to one thread at a time (the supervisor loop, in practice). Invariant:
 * after {@link #close()} the number is never used again through this object, so a recycled fd number cannot
 * be closed twice. Reads and writes are non-blocking helpers: they retry EINTR, report EAGAIN as
 * {@link #WOULD_BLOCK} and EPIPE as {@link #BROKEN_PIPE}, and throw {@link PosixException} for anything else.
 */
public final class Fd implements AutoCloseable {
    /** Returned by read/write when the fd is non-blocking and not ready (EAGAIN). */
    public static final int WOULD_BLOCK = -1;
    /** Returned by write when the reader has gone (EPIPE); the JVM ignores SIGPIPE so we see the errno. */
    public static final int BROKEN_PIPE = -2;

    private static final int SCRATCH_SIZE = 64 * 1024;
    // One reusable native buffer per thread for the byte[] helpers; freed with the thread (Arena.ofAuto).
    private static final ThreadLocal<MemorySegment> SCRATCH =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(SCRATCH_SIZE));

    private final int fd;
    private boolean closed;

    private Fd(int fd) {
        if (fd < 0) {
            throw new IllegalArgumentException("negative fd " + fd);
        }
        this.fd = fd;
    }

    /** Takes ownership of an fd number obtained elsewhere. */
    public static Fd adopt(int fd) {
        return new Fd(fd);
    }

    /** The fd number; throws if closed, so a stale number is never handed to the kernel. */
    public int value() {
        if (closed) {
            throw new IllegalStateException("fd " + fd + " is closed");
        }
        return fd;
    }

    /** False once {@link #close()} has run. */
    public boolean isOpen() {
        return !closed;
    }

    /**
     * Reads up to {@code len} bytes (at most 64 KiB) into {@code dst} at {@code off}.
     *
     * @return the byte count, 0 at end of file, or {@link #WOULD_BLOCK}
     */
    public int read(byte[] dst, int off, int len) {
        MemorySegment buf = SCRATCH.get();
        int n = (int) read(buf, Math.min(len, SCRATCH_SIZE));
        if (n > 0) {
            MemorySegment.copy(buf, 0, MemorySegment.ofArray(dst), off, n); // segment to segment: see CString
        }
        return n;
    }

    /** Reads into native memory; same results as {@link #read(byte[], int, int)}. */
    public long read(MemorySegment dst, long len) {
        while (true) {
            long n = Libc.read(value(), dst, len);
            if (n >= 0) {
                return n;
            }
            int errno = Ffm.errno();
            if (errno == Errno.EAGAIN) {
                return WOULD_BLOCK;
            }
            if (errno != Errno.EINTR) {
                throw new PosixException("read", errno, "fd=" + fd);
            }
        }
    }

    /**
     * Writes up to {@code len} bytes (at most 64 KiB per call).
     *
     * @return the byte count written, {@link #WOULD_BLOCK} or {@link #BROKEN_PIPE}
     */
    public int write(byte[] src, int off, int len) {
        MemorySegment buf = SCRATCH.get();
        int count = Math.min(len, SCRATCH_SIZE);
        MemorySegment.copy(MemorySegment.ofArray(src), off, buf, 0, count); // segment to segment: see CString
        return (int) write(buf, count);
    }

    /** Writes from native memory; same results as {@link #write(byte[], int, int)}. */
    public long write(MemorySegment src, long len) {
        while (true) {
            long n = Libc.write(value(), src, len);
            if (n >= 0) {
                return n;
            }
            int errno = Ffm.errno();
            if (errno == Errno.EAGAIN) {
                return WOULD_BLOCK;
            }
            if (errno == Errno.EPIPE) {
                return BROKEN_PIPE;
            }
            if (errno != Errno.EINTR) {
                throw new PosixException("write", errno, "fd=" + fd);
            }
        }
    }

    /** Whether FD_CLOEXEC is set (every fd this package creates has it). */
    public boolean isCloseOnExec() {
        return (fcntl(Libc.F_GETFD) & Libc.FD_CLOEXEC) != 0;
    }

    /** Whether O_NONBLOCK is set. */
    public boolean isNonBlocking() {
        return (fcntl(Libc.F_GETFL) & Libc.O_NONBLOCK) != 0;
    }

    /** Sets O_NONBLOCK on the open file description (shared by every dup of it). */
    void setNonBlocking() {
        int flags = fcntl(Libc.F_GETFL);
        if (Libc.fcntl(value(), Libc.F_SETFL, flags | Libc.O_NONBLOCK) < 0) {
            throw new PosixException("fcntl", Ffm.errno(), "fd=" + fd + ", F_SETFL O_NONBLOCK");
        }
    }

    /**
     * Asks the kernel to make this pipe hold {@code bytes} (F_SETPIPE_SZ); the capacity applies to both ends.
     *
     * @return the capacity now in force, or -1 when the kernel refused (EPERM past the user's pipe quota,
     *         EBUSY when the pipe holds more than the new size, EINVAL for a non-pipe): the pipe keeps its size
     */
    public int resizePipe(int bytes) {
        int r = Libc.fcntl(value(), Libc.F_SETPIPE_SZ, bytes);
        return r < 0 ? -1 : r;
    }

    /** The pipe's capacity in bytes (F_GETPIPE_SZ). */
    public int pipeCapacity() {
        return fcntl(Libc.F_GETPIPE_SZ);
    }

    /** Whether the fd is a terminal (isatty). */
    public boolean isTerminal() {
        return Libc.isatty(value()) == 1;
    }

    private int fcntl(int cmd) {
        int r = Libc.fcntl(value(), cmd, 0);
        if (r < 0) {
            throw new PosixException("fcntl", Ffm.errno(), "fd=" + fd + ", cmd=" + cmd);
        }
        return r;
    }

    /**
     * Closes the fd once; later calls do nothing. EINTR is not retried: on Linux the fd is released even
     * then, and retrying could close a number another thread has just been given.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Libc.close(fd) < 0) {
            int errno = Ffm.errno();
            if (errno != Errno.EINTR) {
                throw new PosixException("close", errno, "fd=" + fd);
            }
        }
    }

    @Override
    public String toString() {
        return closed ? "Fd(" + fd + ", closed)" : "Fd(" + fd + ")";
    }
}
