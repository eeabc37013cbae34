package jsupervisor.daemon.process.testing;

import java.time.ZoneId;
import java.time.ZoneOffset;

import jsupervisor.daemon.process.Clock;

/** A clock that moves only when told; monotonic and wall time advance together. Single-threaded. */
public final class FakeClock implements Clock {
    /** 2026-11-24T05:00:00Z: a realistic wall time so "never started" (0) is distinguishable. */
    public static final long DEFAULT_WALL_SECONDS = 1_795_496_400L;

    private long nanos = 5_000_000_000_000L;
    private long wallNanos = DEFAULT_WALL_SECONDS * 1_000_000_000L;
    private ZoneId zone = ZoneOffset.UTC;

    @Override
    public long monotonicNanos() {
        return nanos;
    }

    @Override
    public long wallSeconds() {
        return Math.floorDiv(wallNanos, 1_000_000_000L);
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    public void advanceSeconds(double seconds) {
        advanceNanos(Math.round(seconds * 1e9));
    }

    public void advanceNanos(long delta) {
        nanos += delta;
        wallNanos += delta;
    }

    /** Moves only the wall clock (a clock change), leaving deadlines alone. */
    public void setWallSeconds(long seconds) {
        wallNanos = seconds * 1_000_000_000L;
    }

    public void setZone(ZoneId zone) {
        this.zone = zone;
    }
}
