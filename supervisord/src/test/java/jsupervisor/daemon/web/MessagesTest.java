package jsupervisor.daemon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jsupervisor.common.xmlrpc.XmlRpcFault;
import jsupervisor.daemon.rpc.RpcAnswer;

/** The texts of Supervisor's {@code web.py}, word for word. */
class MessagesTest {

    @Test
    void ctimePadsTheDayWithASpaceLikePython() {
        Messages m = new Messages(Clock.fixed(Instant.parse("2026-11-04T05:02:29Z"), ZoneId.of("UTC")));
        assertThat(m.ctime()).isEqualTo("Wed Nov  4 05:02:29 2026");
        assertThat(m.refreshed()).isEqualTo("Page refreshed at Wed Nov  4 05:02:29 2026");
        assertThat(m.allStopped()).isEqualTo("All stopped at Wed Nov  4 05:02:29 2026");
        assertThat(m.allRestarted()).isEqualTo("All restarted at Wed Nov  4 05:02:29 2026");
        Messages later = new Messages(Clock.fixed(Instant.parse("2026-11-24T23:59:59Z"),
                ZoneId.of("Europe/Paris")));
        assertThat(later.ctime()).isEqualTo("Wed Nov 25 00:59:59 2026");
    }

    @Test
    void processMessages() {
        assertThat(Messages.started("grp:a")).isEqualTo("Process grp:a started");
        assertThat(Messages.stopped("a")).isEqualTo("Process a stopped");
        assertThat(Messages.restarted("a")).isEqualTo("Process a restarted");
        assertThat(Messages.cleared("a")).isEqualTo("Log for a cleared");
        assertThat(Messages.noSuchProcess("x")).isEqualTo("No such process named x");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "20|NO_FILE: /x|ERROR: Process a: no such file",
        "21|NOT_EXECUTABLE: /etc|ERROR: Process a: file not executable",
        "60|ALREADY_STARTED: a|ERROR: Process a: already started",
        "50|SPAWN_ERROR: a|ERROR: Process a: spawn error",
        "40|ABNORMAL_TERMINATION: a|ERROR: Process a: abnormal termination",
        "6|SHUTDOWN_STATE|ERROR: Process a: unexpected rpc fault [6] SHUTDOWN_STATE",
        "999|WHAT|ERROR: Process a: unexpected rpc fault [999] WHAT",
    })
    void startFailuresUseSupervisorsShortTexts(int code, String text, String message) {
        assertThat(Messages.startFailed("a", new XmlRpcFault(code, text))).isEqualTo(message);
    }

    @Test
    void otherFailuresAreUnexpectedRpcFaultsAndServerErrorsPointAtTheLog() {
        assertThat(Messages.describeFailure(new RpcAnswer.Fault(new XmlRpcFault(70, "NOT_RUNNING: a"))))
                .isEqualTo("unexpected rpc fault [70] NOT_RUNNING: a");
        assertThat(Messages.describeFailure(new RpcAnswer.ServerError("secret detail")))
                .doesNotContain("secret").contains("supervisord log");
    }
}
