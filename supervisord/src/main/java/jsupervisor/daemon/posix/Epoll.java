package jsupervisor.daemon.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An epoll instance (created close-on-exec) with a reusable buffer of ready events.
 *
 * <p>Not thread-safe: owned by the supervisor loop thread, the only caller of every method; other threads
 * wake it through an {@link EventFd} registered here. Each registration carries a caller-chosen 64-bit token
 * (typically the fd number, or a process slot) that {@link #waitFor(int)} reports back with the events.
 * Invariant: results of {@link #waitFor(int)} are valid until the next call to it.
 *
 * <p>The {@code struct epoll_event} layout differs per architecture (see {@link Arch}); tokens are therefore
 * read and written unaligned.
 */
public final class Epoll implements AutoCloseable {
    /** EPOLLIN: readable, or for a pidfd, the process has exited. */
    public static final int IN = 0x001;
    /** EPOLLOUT: writable. */
    public static final int OUT = 0x004;
    /** EPOLLERR: error condition; always reported. */
    public static final int ERR = 0x008;
    /** EPOLLHUP: hang-up (the write end of a pipe closed); always reported. */
    public static final int HUP = 0x010;

    static final int EPOLL_CTL_ADD = 1;
    static final int EPOLL_CTL_DEL = 2;
    static final int EPOLL_CTL_MOD = 3;
    static final int EPOLL_CLOEXEC = Libc.O_CLOEXEC;

    private final Fd epfd;
    private final Arch arch;
    private final int maxEvents;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment ready;
    private final MemorySegment one;
    // The same memory as ByteBuffers in native order: their absolute get/put are a fraction of the code of a
    // segment's VarHandle accessors, which the JIT would otherwise compile for every loop pass's events.
    private final ByteBuffer readyView;
    private final ByteBuffer oneView;
    private int readyCount;

    private Epoll(Fd epfd, Arch arch, int maxEvents) {
        this.epfd = epfd;
        this.arch = arch;
        this.maxEvents = maxEvents;
        this.ready = arena.allocate((long) arch.epollEventSize() * maxEvents, 8);
        this.one = arena.allocate(arch.epollEventSize(), 8);
        this.readyView = ready.asByteBuffer().order(ByteOrder.nativeOrder());
        this.oneView = one.asByteBuffer().order(ByteOrder.nativeOrder());
    }

    /**
     * Creates an epoll instance able to report up to {@code maxEvents} ready fds per wait.
     *
     * @param maxEvents well above 1 (e.g. 256), so a busy pass does not need one syscall per fd
     */
    public static Epoll open(int maxEvents) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be positive: " + maxEvents);
        }
        int fd = Libc.epoll_create1(EPOLL_CLOEXEC);
        if (fd < 0) {
            throw new PosixException("epoll_create1", Ffm.errno(), "EPOLL_CLOEXEC");
        }
        return new Epoll(Fd.adopt(fd), Arch.current(), maxEvents);
    }

    /** Starts watching {@code fd} for {@code events} (a mask of {@link #IN}, {@link #OUT}...). */
    public void add(Fd fd, int events, long token) {
        control(EPOLL_CTL_ADD, "ADD", fd.value(), events, token);
    }

    /** Changes the events and token of a watched fd. */
    public void modify(Fd fd, int events, long token) {
        control(EPOLL_CTL_MOD, "MOD", fd.value(), events, token);
    }

    /**
     * Stops watching {@code fd}. Call it before closing the fd: a closed fd leaves the set by itself only
     * when no duplicate of it exists, and EPOLL_CTL_DEL on a closed number fails with EBADF.
     */
    public void delete(Fd fd) {
        control(EPOLL_CTL_DEL, "DEL", fd.value(), 0, 0);
    }

    private void control(int op, String opName, int fd, int events, long token) {
        oneView.putInt(0, events);
        oneView.putLong(arch.epollDataOffset(), token);
        if (Libc.epoll_ctl(epfd.value(), op, fd, one) < 0) {
            throw new PosixException("epoll_ctl", Ffm.errno(), opName + ", fd=" + fd);
        }
    }

    /**
     * Waits until at least one watched fd is ready or the timeout passes.
     *
     * @param timeoutMillis 0 to poll, -1 to wait without limit
     * @return the number of ready entries, read with {@link #token(int)} and {@link #events(int)}; 0 on
     *     timeout and also when a signal interrupted the wait (EINTR), since the loop recomputes its
     *     deadlines on every pass anyway
     */
    public int waitFor(int timeoutMillis) {
        int n = Libc.epoll_wait(epfd.value(), ready, maxEvents, timeoutMillis);
        if (n < 0) {
            int errno = Ffm.errno();
            readyCount = 0;
            if (errno == Errno.EINTR) {
                return 0;
            }
            throw new PosixException("epoll_wait", errno, "epfd=" + epfd.value());
        }
        readyCount = n;
        return n;
    }

    /** The token of the i-th ready entry of the last wait. */
    public long token(int i) {
        return readyView.getLong(offset(i) + arch.epollDataOffset());
    }

    /** The ready events of the i-th entry of the last wait. */
    public int events(int i) {
        return readyView.getInt(offset(i));
    }

    private int offset(int i) {
        if (i < 0 || i >= readyCount) {
            throw new IndexOutOfBoundsException("ready entry " + i + " of " + readyCount);
        }
        return i * arch.epollEventSize();
    }

    /** The largest number of entries one wait can report. */
    public int maxEvents() {
        return maxEvents;
    }

    /** Closes the epoll fd and frees the buffers; idempotent. */
    @Override
    public void close() {
        if (epfd.isOpen()) {
            try {
                epfd.close();
            } finally {
                arena.close();
            }
        }
    }
}
