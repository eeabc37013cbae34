package jsupervisor.daemon.loop;

import java.time.ZoneId;

import jsupervisor.daemon.logging.LocalClock;
import jsupervisor.daemon.process.Clock;

/**
 * The real clocks: {@link System#nanoTime()} for deadlines, the system wall clock for reported times. The zone is
 * looked up at its first use (a stopped process's description), not at start-up (see {@link LocalClock}).
 */
public final class SystemClock implements Clock {
    @Override
    public long monotonicNanos() {
        return System.nanoTime();
    }

    @Override
    public long wallSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    @Override
    public ZoneId zone() {
        return LocalClock.system().getZone();
    }
}
