package jsupervisor.daemon.loop;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;

import jsupervisor.daemon.posix.Epoll;
import jsupervisor.daemon.posix.Fd;

/**
 * Moves what a child's output pipe holds into its log, and the events layer where it asks for the bytes.
 *
 * <p>The bytes are read into one reused native buffer. Where only log files see them, that buffer goes to the
 * files as it is, up to 128 KiB per read: no copy in the daemon, eight reads and writes per megabyte.
 * Where something else looks at them (capture mode, the events layer, strip_ansi, the debug mirror), they are
 * copied into a heap chunk of at most 64 KiB first. After a drain the pipe may grow (it was found full: a fast
 * writer may be blocked on us) or be parked for a while by {@link OutputPacing}, so that the next read takes
 * many writes at once.
 *
 * <p>(splice(2) from the pipe into the log file was tried and measured: with the pacing below it cost more
 * kernel time than read and write, on this kernel and filesystem. Linux also refuses to splice into a file
 * opened O_APPEND, which log files must be: stdout and stderr may share one, and logrotate's copytruncate
 * relies on it. Reading a grown pipe's whole 1 MiB at once, rather than 128 KiB at a time, was no cheaper.)
 *
 * <p>Loop-confined.
 */
final class OutputDrain {
    /** The most read at once when the bytes are copied onto the heap (events see one chunk per read). */
    private static final int READ_CHUNK = 64 * 1024;
    /** Read at most this much from one pipe per pass, so one chatty child cannot starve the others. */
    private static final int READ_BUDGET = 4 * 1024 * 1024;
    /** The capacity a pipe found full grows to: Linux's default pipe-max-size, allowed without privilege. */
    private static final int GROWN_CAPACITY = 1 << 20;

    private final byte[] buffer = new byte[READ_CHUNK];
    /**
     * The most read at once when only log files see the bytes: Supervisor's own read size (2 << 16), so a log file
     * overshoots maxbytes by no more than it does with Supervisor (a chunk is never split by a rotation).
     */
    private static final int VERBATIM_CHUNK = 128 * 1024;
    /**
     * The read buffer, made on the first read (a daemon whose children say nothing never pays for it) and freed
     * with the drain (a reload makes a new one).
     */
    private MemorySegment nativeBuffer;
    private ByteBuffer nativeView;
    private final Epoll epoll;
    private final OutputPacing pacing;
    private final EventHooks hooks;

    OutputDrain(Epoll epoll, OutputPacing pacing, EventHooks hooks) {
        this.epoll = epoll;
        this.pacing = pacing;
        this.hooks = hooks;
    }

    /** Reads what the pipe holds now (up to a budget), then lets it grow or be parked. */
    void drain(OutputPipe pipe, long nowNanos) {
        if (pipe == null) {
            return;
        }
        long moved = move(pipe, READ_BUDGET);
        if (pipe.fd == null || moved < 0) {
            return;
        }
        if (moved >= pipe.capacity && !pipe.grown) {
            pipe.grown = true; // found full: the child may be blocked on us; give it room (one try)
            int capacity = pipe.fd.resizePipe(GROWN_CAPACITY);
            if (capacity > 0) {
                pipe.capacity = capacity;
            }
            pipe.pauseNanos = 0;
        } else {
            long due = OutputPacing.pauseUntil(pipe, moved, nowNanos);
            if (due != 0) {
                pacing.park(pipe, due);
            }
        }
    }

    /** Reads to end of file or until the pipe is empty: a child that exited leaves nothing behind. */
    void drainToEnd(OutputPipe pipe) {
        if (pipe != null) {
            move(pipe, Long.MAX_VALUE);
        }
    }

    /** @return the byte count moved, or -1 when the pipe was closed at end of file */
    private long move(OutputPipe pipe, long budget) {
        long total = 0;
        while (pipe.fd != null && total < budget) {
            boolean verbatim = pipe.paceable && pipe.log.writesVerbatim(); // only log files see the bytes
            int chunk = verbatim ? VERBATIM_CHUNK : READ_CHUNK;
            long n = verbatim ? readVerbatim(pipe) : readAndRecord(pipe);
            if (n == Fd.WOULD_BLOCK) {
                return total;
            }
            if (n == 0) {
                if (!pipe.parked) {
                    epoll.delete(pipe.fd);
                }
                pipe.close();
                return -1;
            }
            total += n;
            if (n < chunk && budget != Long.MAX_VALUE) {
                // a short read emptied the pipe: skip the read that would only say EAGAIN (epoll is
                // level-triggered and wakes us for more); when reaping, read on to EOF/EAGAIN instead
                return total;
            }
        }
        return total;
    }

    private MemorySegment nativeBuffer() {
        if (nativeBuffer == null) {
            nativeBuffer = Arena.ofAuto().allocate(VERBATIM_CHUNK);
            nativeView = nativeBuffer.asByteBuffer();
        }
        return nativeBuffer;
    }

    private long readVerbatim(OutputPipe pipe) {
        long n = pipe.fd.read(nativeBuffer(), VERBATIM_CHUNK);
        if (n > 0) {
            pipe.log.recordVerbatim(nativeView.clear().limit((int) n));
        }
        return n;
    }

    private long readAndRecord(OutputPipe pipe) {
        int n = (int) pipe.fd.read(nativeBuffer(), READ_CHUNK);
        if (n <= 0) {
            return n;
        }
        MemorySegment.copy(nativeBuffer, ValueLayout.JAVA_BYTE, 0, buffer, 0, n);
        ChildIo child = pipe.child;
        if (pipe.captured) {
            hooks.capture(child.groupName, child.processName, child.pid, pipe.stdout, buffer, n, pipe.log);
        } else {
            pipe.log.recordSlice(buffer, 0, n);
            if (pipe.observed) {
                hooks.output(child.groupName, child.processName, child.pid, pipe.stdout, buffer, n, pipe.log);
            }
        }
        return n;
    }
}
