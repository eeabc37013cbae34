package jsupervisor.daemon.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalClockTest {

    /** The offsets TimeZone gives must be the ones java.time's rules give, DST switches and history included. */
    @ParameterizedTest
    @ValueSource(strings = {"Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata",
        "America/Sao_Paulo", "Etc/UTC", "Pacific/Chatham"})
    void offsetsAgreeWithTheZoneRulesEveryHourOverYearsAndAtTheEdges(String id) {
        LocalClock clock = LocalClock.system(TimeZone.getTimeZone(id));
        ZoneId zone = ZoneId.of(id);
        long start = Instant.parse("2019-01-01T00:00:00Z").getEpochSecond();
        long end = Instant.parse("2027-01-01T00:00:00Z").getEpochSecond();
        int checked = 0;
        for (long s = start; s < end; s += 3600) {
            assertThat(clock.offsetSeconds(s)).as("%s at %s", id, Instant.ofEpochSecond(s))
                    .isEqualTo(zone.getRules().getOffset(Instant.ofEpochSecond(s)).getTotalSeconds());
            checked++;
        }
        assertThat(checked).isEqualTo(70128);
        for (String t : new String[] {"1975-06-01T12:00:00Z", "2040-07-01T12:00:00Z", "2040-01-01T12:00:00Z"}) {
            long s = Instant.parse(t).getEpochSecond();
            assertThat(clock.offsetSeconds(s)).as("%s at %s", id, t)
                    .isEqualTo(zone.getRules().getOffset(Instant.ofEpochSecond(s)).getTotalSeconds());
        }
        assertThat(clock.getZone()).isEqualTo(zone);
    }

    @Test
    void theSystemClockIsInTheJvmsDefaultZoneAndTellsTheTime() {
        LocalClock clock = LocalClock.system();
        assertThat(clock.getZone()).isEqualTo(ZoneId.systemDefault());
        long before = System.currentTimeMillis();
        long now = clock.millis();
        Instant instant = clock.instant();
        assertThat(now).isGreaterThanOrEqualTo(before);
        assertThat(instant.toEpochMilli()).isGreaterThanOrEqualTo(now);
        long s = instant.getEpochSecond();
        assertThat(clock.offsetSeconds(s))
                .isEqualTo(ZoneId.systemDefault().getRules().getOffset(instant).getTotalSeconds());
    }

    @Test
    void aPlainClockIsWrappedWithItsZonesOffsets() {
        Clock paris = Clock.fixed(Instant.parse("2026-07-01T22:30:00Z"), ZoneId.of("Europe/Paris"));
        LocalClock local = LocalClock.of(paris);
        assertThat(local.instant()).isEqualTo(paris.instant());
        assertThat(local.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(local.offsetSeconds(Instant.parse("2026-07-01T22:30:00Z").getEpochSecond())).isEqualTo(7200);
        assertThat(local.offsetSeconds(Instant.parse("2026-01-01T22:30:00Z").getEpochSecond())).isEqualTo(3600);
        assertThat(LocalClock.of(local)).isSameAs(local);
        assertThat(LocalClock.of(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).offsetSeconds(0)).isZero();
    }
}
