package jsupervisor.daemon.loop;

import java.time.ZoneId;

import jsupervisor.daemon.process.Clock;

/** The real clocks: {@link System#nanoTime()} for deadlines, the system wall clock for reported times. */
public final class SystemClock implements Clock {
    private final ZoneId zone = ZoneId.systemDefault();

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
        return zone;
    }
}
