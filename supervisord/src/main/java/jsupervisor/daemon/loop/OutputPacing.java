package jsupervisor.daemon.loop;

import java.util.PriorityQueue;

import jsupervisor.daemon.posix.Epoll;

/**
 * Batches the reads of a child's output so that each read moves many writes' worth of bytes. Without it, 50
 * children each writing 1000 lines a second wake the loop 50,000 times a second for one line each, and a fast
 * writer's 4 KiB writes wake it hundreds of thousands of times a gigabyte: the wake-ups, not the bytes, cost
 * the CPU.
 *
 * <p>After a drain, a pipe may leave the epoll set ("parked") for a pause that adapts to its writer (see
 * {@link #pauseUntil}): a fast writer's pipe is parked for about a millisecond or not at all, and a slow
 * writer's until the next-but-one tick of a shared 5 ms grid, so the parked pipes of all slow children come
 * back, and are read, together.
 *
 * <p>What it costs: a slow writer's bytes reach its log up to 10 ms later. What it avoids: blocking a child
 * or losing a byte. Pauses shrink as soon as drains find a pipe half full, and a pipe found full is not parked (it grows instead, see {@link OutputDrain}); a slow writer that suddenly bursts can
 * fill its pipe during one pause at most; a child's exit is seen through its pidfd, which is never parked, and
 * its pipes are then read to the end at once; a pipe whose bytes become events (a listener's stdout,
 * PROCESS_LOG, capture mode) is never parked.
 *
 * <p>Loop-confined.
 */
final class OutputPacing {
    static final long QUANTUM_NANOS = 5_000_000L;
    /** The first pause; shorter ones are not worth the two epoll_ctl calls they cost. */
    static final long MIN_PAUSE_NANOS = 250_000L;

    private record Entry(OutputPipe pipe, long dueNanos) {}

    private final Epoll epoll;
    private final PriorityQueue<Entry> parked = new PriorityQueue<>((a, b) -> Long.compare(a.dueNanos, b.dueNanos));

    OutputPacing(Epoll epoll) {
        this.epoll = epoll;
    }

    /**
     * Adapts the pipe's pause to what the drain just moved and says when to bring the pipe back (monotonic
     * nanos), or 0 when it should stay in the epoll set. The pause doubles while drains find less than an
     * eighth of the pipe filled and halves when they find more than half, so it settles where each read takes
     * a good share of the pipe but the writer never fills it; a full pipe ends the pause at once.
     */
    static long pauseUntil(OutputPipe pipe, long moved, long nowNanos) {
        if (!pipe.paceable || moved >= pipe.capacity) {
            pipe.pauseNanos = 0; // a listener's answers are read at once; a full pipe may have a blocked writer
            return 0;
        }
        if (moved > pipe.capacity / 2) {
            pipe.pauseNanos = pipe.pauseNanos / 2 < MIN_PAUSE_NANOS ? 0 : pipe.pauseNanos / 2;
        } else if (moved < pipe.capacity / 8) {
            pipe.pauseNanos = pipe.pauseNanos == 0 ? MIN_PAUSE_NANOS : Math.min(QUANTUM_NANOS, pipe.pauseNanos * 2);
        }
        if (pipe.pauseNanos == 0) {
            return 0;
        }
        if (pipe.pauseNanos >= QUANTUM_NANOS) {
            // slow writers share the grid, so their pipes come back, and are read, in the same pass
            return (Math.floorDiv(nowNanos, QUANTUM_NANOS) + 2) * QUANTUM_NANOS;
        }
        return nowNanos + pipe.pauseNanos;
    }

    /** Takes the pipe out of the epoll set until {@code dueNanos}. */
    void park(OutputPipe pipe, long dueNanos) {
        epoll.delete(pipe.fd);
        pipe.parked = true;
        parked.add(new Entry(pipe, dueNanos));
    }

    /** Puts the pipes whose pause is over back into the epoll set (level-triggered: what they hold is seen). */
    void release(long nowNanos) {
        for (int i = 0; i < 1_000_000 && !parked.isEmpty() && parked.peek().dueNanos() <= nowNanos; i++) {
            OutputPipe pipe = parked.poll().pipe();
            if (pipe.parked && pipe.fd != null) {
                pipe.parked = false;
                epoll.add(pipe.fd, Epoll.IN, pipe.token);
            }
        }
    }

    /** The monotonic time of the next release, or {@link Long#MAX_VALUE} when nothing is parked. */
    long nextDueNanos() {
        Entry head = parked.peek();
        return head == null ? Long.MAX_VALUE : head.dueNanos();
    }
}
