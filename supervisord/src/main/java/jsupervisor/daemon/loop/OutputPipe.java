package jsupervisor.daemon.loop;

import jsupervisor.daemon.logging.ChildLog;
import jsupervisor.daemon.posix.Fd;

/**
 * One of a running child's output pipes (stdout or stderr) and what the loop knows about reading it: the log it
 * feeds, whether the events layer needs its bytes, whether it is parked by {@link OutputPacing}, and its
 * capacity. Loop-confined.
 */
final class OutputPipe {
    /** Linux's default pipe capacity (16 pages). */
    static final int DEFAULT_CAPACITY = 64 * 1024;

    final ChildIo child;
    final boolean stdout;
    final long token;
    final ChildLog log;
    /** Capture mode ({@code *_capture_maxbytes}): chunks go to the events layer, which logs what is outside. */
    final boolean captured;
    /** The events layer wants the bytes (a listener's protocol channel, PROCESS_LOG events). */
    final boolean observed;
    /**
     * Reads may be batched ({@link OutputPacing}): only when nothing but the log sees the bytes. Where events
     * see them (a listener's answers, PROCESS_LOG, capture mode), each read stays as prompt and as small as with
     * Supervisor, one event per read.
     */
    final boolean paceable;
    /** The daemon's read end; null once it reached end of file and was closed. */
    Fd fd;
    /** Out of the epoll set until {@link OutputPacing} releases it. */
    boolean parked;
    int capacity = DEFAULT_CAPACITY;
    boolean grown;
    /** The pause {@link OutputPacing} gives this pipe after a drain; 0 while it is read at once. */
    long pauseNanos;

    OutputPipe(ChildIo child, boolean stdout, long token, Fd fd, ChildLog log, boolean captured,
               boolean observed) {
        this.child = child;
        this.stdout = stdout;
        this.token = token;
        this.fd = fd;
        this.log = log;
        this.captured = captured;
        this.observed = observed;
        this.paceable = !captured && !observed;
    }

    /** Closes the read end (the caller has taken it out of epoll unless it was parked). */
    void close() {
        if (fd != null) {
            fd.close();
            fd = null;
        }
    }
}
