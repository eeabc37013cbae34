package jsupervisor.daemon.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExitStatusTest {

    @ParameterizedTest(name = "wait status {0} -> {1} ({2})")
    @CsvSource(delimiter = '|', value = {
        "0x0000 | exit status 0                     | 0",
        "0x0100 | exit status 1                     | 1",
        "0x7f00 | exit status 127                   | 127",
        "0xff00 | exit status 255                   | 255",
        "0x000f | terminated by SIGTERM             | -1",
        "0x0009 | terminated by SIGKILL             | -1",
        "0x0086 | terminated by SIGABRT (core dumped) | -1",
        "0x008b | terminated by SIGSEGV (core dumped) | -1",
        "0x137f | unknown termination cause 0x137f  | -1",
        "0xffff | unknown termination cause 0xffff  | -1",
    })
    void decodesWaitStatusLikeDecodeWaitStatus(String raw, String message, int exitstatus) {
        ExitStatus s = ExitStatus.fromWaitStatus(Integer.decode(raw));
        assertThat(s.message()).isEqualTo(message.strip());
        assertThat(s.exitstatus()).isEqualTo(exitstatus);
    }

    @Test
    void factoriesBuildTheTwoCommonCases() {
        assertThat(ExitStatus.exited(3)).isEqualTo(new ExitStatus.Exited(3));
        assertThat(ExitStatus.killed(15)).isEqualTo(new ExitStatus.Killed(15, false));
        assertThat(new ExitStatus.Killed(34, false).message()).isEqualTo("terminated by SIGRTMIN");
    }

    @ParameterizedTest(name = "signal {0} is {1}")
    @CsvSource({
        "1, SIGHUP", "2, SIGINT", "3, SIGQUIT", "6, SIGABRT", "9, SIGKILL", "10, SIGUSR1", "12, SIGUSR2",
        "15, SIGTERM", "16, SIGSTKFLT", "17, SIGCHLD", "19, SIGSTOP", "29, SIGPOLL", "30, SIGPWR", "31, SIGSYS",
        "34, SIGRTMIN", "64, SIGRTMAX", "0, signal 0", "32, signal 32", "33, signal 33", "35, signal 35",
        "63, signal 63", "65, signal 65", "-1, signal -1",
    })
    void signalNamesAsPythonRendersThem(int sig, String name) {
        assertThat(SignalName.of(sig)).isEqualTo(name);
    }
}
