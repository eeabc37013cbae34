package jsupervisor.daemon.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProcessInfoViewTest {
    /** 2026-11-24T05:01:30Z. */
    private static final int STOP = 1_795_496_490;

    private static String describe(ProcessState state, int start, int stop, int now, String spawnerr, ZoneId zone) {
        return new ProcessInfoView("web", "g", start, stop, now, state.code(), spawnerr, 0, "", "", 42, null)
                .described(zone).description();
    }

    @ParameterizedTest(name = "uptime {0}s is {1}")
    @CsvSource(delimiter = '|', value = {
        "0 | 0:00:00", "10 | 0:00:10", "3599 | 0:59:59", "3600 | 1:00:00", "86399 | 23:59:59",
        "86400 | 1 day, 0:00:00", "93784 | 1 day, 2:03:04", "259205 | 3 days, 0:00:05",
    })
    void runningShowsPidAndUptimeAsPythonTimedelta(int uptime, String text) {
        assertThat(describe(ProcessState.RUNNING, 1000, 0, 1000 + uptime, "", ZoneOffset.UTC))
                .isEqualTo("pid 42, uptime " + text);
    }

    @Test
    void runningWithClockSetBackShowsZeroUptime() {
        assertThat(describe(ProcessState.RUNNING, 2000, 0, 1000, "", ZoneOffset.UTC)).isEqualTo("pid 42, uptime 0:00:00");
    }

    @Test
    void fatalAndBackoffShowSpawnerrOrAHint() {
        assertThat(describe(ProcessState.FATAL, 1, 0, 2, "can't find command '/x'", ZoneOffset.UTC))
                .isEqualTo("can't find command '/x'");
        assertThat(describe(ProcessState.BACKOFF, 1, 0, 2, "", ZoneOffset.UTC))
                .isEqualTo("unknown error (try \"tail web\")");
    }

    @Test
    void stoppedAndExitedShowTheLocalStopTime() {
        assertThat(describe(ProcessState.STOPPED, 1, STOP, STOP, "", ZoneOffset.UTC)).isEqualTo("Nov 24 05:01 AM");
        assertThat(describe(ProcessState.EXITED, 1, STOP, STOP, "", ZoneId.of("America/New_York")))
                .isEqualTo("Nov 24 12:01 AM");
        assertThat(describe(ProcessState.EXITED, 1, STOP + 9 * 3600, STOP, "", ZoneOffset.UTC))
                .isEqualTo("Nov 24 02:01 PM");
    }

    @Test
    void neverStartedIsNotStartedAndBackoffStopFormatsTheEpoch() {
        assertThat(describe(ProcessState.STOPPED, 0, 0, STOP, "", ZoneOffset.UTC)).isEqualTo("Not started");
        assertThat(describe(ProcessState.STOPPED, 5, 0, STOP, "", ZoneOffset.UTC)).isEqualTo("Jan 01 12:00 AM");
    }

    @Test
    void transientStatesHaveNoDescription() {
        for (ProcessState s : new ProcessState[] {ProcessState.STARTING, ProcessState.STOPPING, ProcessState.UNKNOWN}) {
            assertThat(describe(s, 1, 2, 3, "x", ZoneOffset.UTC)).isEmpty();
        }
    }

    @Test
    void statenameAndLogfileAlias() {
        ProcessInfoView v = new ProcessInfoView("a", "g", 0, 0, 0, 30, "", 0, "/o.log", "/e.log", 0, "");
        assertThat(v.statename()).isEqualTo("BACKOFF");
        assertThat(v.logfile()).isEqualTo("/o.log");
    }

    @Test
    void timestampsAreCappedToXmlRpcInts() {
        assertThat(ProcessInfoView.cappedInt(1L << 40)).isEqualTo(Integer.MAX_VALUE);
        assertThat(ProcessInfoView.cappedInt(-(1L << 40))).isEqualTo(Integer.MIN_VALUE);
        assertThat(ProcessInfoView.cappedInt(12)).isEqualTo(12);
    }
}
