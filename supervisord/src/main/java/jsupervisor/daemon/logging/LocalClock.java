package jsupervisor.daemon.logging;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.TimeZone;

/**
 * A clock in the machine's local time zone that knows the zone's UTC offset at any instant without making a
 * {@link ZoneId}: {@link #offsetSeconds} asks {@link TimeZone}, and the zone ID is looked up only when someone
 * calls {@link #getZone()}.
 *
 * <p>Why: the first {@code ZoneId} of a JVM initialises the java.time zone-rules provider, which searches every
 * jar on the class path for providers of its own and reads the time-zone database a second time. That cost
 * 12 ms of a daemon's start-up, before its first spawn, only to stamp log lines; {@code TimeZone} reads the
 * same database (same zone, same rules) without the search.
 */
public abstract class LocalClock extends Clock {
    /** The zone's offset from UTC at {@code epochSecond}, in seconds (daylight saving time included). */
    public abstract int offsetSeconds(long epochSecond);

    /** The local date and time at {@code epochSecond}, to the second (log and syslog time stamps). */
    public final LocalDateTime localDateTime(long epochSecond) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.ofTotalSeconds(offsetSeconds(epochSecond)));
    }

    /** The system clock in the JVM's default zone (the zone of {@code TZ} or {@code /etc/localtime}). */
    public static LocalClock system() {
        return SystemLocalClock.DEFAULT_ZONE;
    }

    /** The system clock in {@code zone} (for tests: the system zone cannot be changed in a running JVM). */
    static LocalClock system(TimeZone zone) {
        return new SystemLocalClock((TimeZone) zone.clone());
    }

    /** {@code clock} itself if it is one; otherwise its instants, with offsets from its zone's rules. */
    public static LocalClock of(Clock clock) {
        return clock instanceof LocalClock local ? local : new Wrapped(clock);
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.system(zone);
    }

    private static final class SystemLocalClock extends LocalClock {
        static final SystemLocalClock DEFAULT_ZONE = new SystemLocalClock(TimeZone.getDefault());

        private final TimeZone timeZone;
        private ZoneId zone; // racy but idempotent: every thread computes the same ID

        SystemLocalClock(TimeZone timeZone) {
            this.timeZone = timeZone;
        }

        @Override
        public int offsetSeconds(long epochSecond) {
            return timeZone.getOffset(epochSecond * 1000) / 1000;
        }

        @Override
        public Instant instant() {
            return Instant.now();
        }

        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public ZoneId getZone() {
            ZoneId z = zone;
            if (z == null) {
                z = timeZone.toZoneId();
                zone = z;
            }
            return z;
        }
    }

    private static final class Wrapped extends LocalClock {
        private final Clock clock;

        Wrapped(Clock clock) {
            this.clock = clock;
        }

        @Override
        public int offsetSeconds(long epochSecond) {
            return clock.getZone().getRules().getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }

        @Override
        public ZoneId getZone() {
            return clock.getZone();
        }
    }
}
