package jsupervisor.daemon.loop;

import jsupervisor.daemon.posix.Epoll;
import jsupervisor.daemon.posix.Fd;

/**
 * Moves what a child's output pipe holds into its log, and the events layer where it asks for the bytes.
 *
 * <p>The bytes are read into one reused buffer and handed to the log, and to capture mode or the events layer
 * when they asked for them. After a drain the pipe may grow (it was found full: a fast writer may be blocked
 * on us) or be parked for a while by {@link OutputPacing}, so that the next read takes many writes at once.
 *
 * <p>(splice(2) from the pipe into the log file was tried and measured: with the pacing below it cost more
 * kernel time than read and write, on this kernel and filesystem.)
 *
 * <p>Loop-confined.
 */
final class OutputDrain {
    private static final int READ_CHUNK = 64 * 1024;
    /** Read at most this much from one pipe per pass, so one chatty child cannot starve the others. */
    private static final int READ_BUDGET = 4 * 1024 * 1024;
    /** The capacity a pipe found full grows to: Linux's default pipe-max-size, allowed without privilege. */
    private static final int GROWN_CAPACITY = 1 << 20;

    private final byte[] buffer = new byte[READ_CHUNK];
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
            long n = readAndRecord(pipe);
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
            if (n < buffer.length && budget != Long.MAX_VALUE) {
                // a short read emptied the pipe: skip the read that would only say EAGAIN (epoll is
                // level-triggered and wakes us for more); when reaping, read on to EOF/EAGAIN instead
                return total;
            }
        }
        return total;
    }

    private long readAndRecord(OutputPipe pipe) {
        int n = pipe.fd.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return n;
        }
        ChildIo child = pipe.child;
        if (pipe.captured) {
            hooks.capture(child.groupName, child.processName, child.pid, pipe.stdout, buffer, n, pipe.log);
        } else {
            pipe.log.recordSlice(buffer, 0, n);
            if (pipe.observed) {
                hooks.output(child.groupName, child.processName, child.pid, pipe.stdout, buffer, n);
            }
        }
        return n;
    }
}
