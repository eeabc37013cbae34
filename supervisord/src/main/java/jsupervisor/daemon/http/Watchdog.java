package jsupervisor.daemon.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Enforces connection deadlines by closing the channel of a connection whose deadline passed: blocking NIO
 * channels have no read timeout (and a unix {@code SocketChannel} has no socket adaptor to set one), but
 * closing a channel wakes its blocked reader or writer with an exception. One platform thread,
 * {@code http-timeouts}, scans the registered connections a few times per shortest timeout, and sleeps while
 * there are none.
 *
 * <p>Thread-safe: connections register and unregister from their own threads. Deadlines come from
 * {@link System#nanoTime()}, so a wall-clock change does not cut anyone off.
 */
final class Watchdog implements AutoCloseable {
    /** Something with a deadline; {@link #expire()} must be safe to call from the watchdog's thread. */
    interface Guarded {
        /** The {@code System.nanoTime()} deadline, or {@link Long#MAX_VALUE} while none applies. */
        long deadline();

        void expire();
    }

    private final Set<Guarded> guarded = ConcurrentHashMap.newKeySet();
    private final long intervalNanos;
    private final Thread thread;
    private volatile boolean running = true;

    Watchdog(Duration shortestTimeout) {
        long quarter = shortestTimeout.toNanos() / 4;
        this.intervalNanos = Math.clamp(quarter, Duration.ofMillis(5).toNanos(), Duration.ofMillis(500).toNanos());
        this.thread = Thread.ofPlatform().name("http-timeouts").daemon().unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    void register(Guarded g) {
        guarded.add(g);
        LockSupport.unpark(thread); // it may be parked for good, with nothing to watch
    }

    void unregister(Guarded g) {
        guarded.remove(g);
    }

    private void run() {
        while (running) {
            if (guarded.isEmpty()) {
                // an idle daemon has no connection to watch: sleep until one registers (no periodic wake-up);
                // a registration racing this check leaves its unpark permit, so park returns at once
                LockSupport.park(this);
                continue;
            }
            LockSupport.parkNanos(intervalNanos);
            long now = System.nanoTime();
            for (Guarded g : guarded) {
                // deadlines are compared by difference: nanoTime may wrap
                long deadline = g.deadline();
                if (deadline != Long.MAX_VALUE && now - deadline > 0) {
                    guarded.remove(g);
                    try {
                        g.expire();
                    } catch (RuntimeException e) {
                        // closing a channel should not throw; if it does, the connection is lost anyway
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
    }
}
