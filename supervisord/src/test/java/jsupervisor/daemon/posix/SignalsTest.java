package jsupervisor.daemon.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SignalsTest {

    @Test
    void namesAreWhatSupervisorPrints() {
        assertThat(Signals.name(1)).isEqualTo("SIGHUP");
        assertThat(Signals.name(6)).isEqualTo("SIGABRT");
        assertThat(Signals.name(9)).isEqualTo("SIGKILL");
        assertThat(Signals.name(15)).isEqualTo("SIGTERM");
        assertThat(Signals.name(16)).isEqualTo("SIGSTKFLT");
        assertThat(Signals.name(17)).isEqualTo("SIGCHLD");
        assertThat(Signals.name(29)).isEqualTo("SIGPOLL");
        assertThat(Signals.name(30)).isEqualTo("SIGPWR");
        assertThat(Signals.name(31)).isEqualTo("SIGSYS");
        assertThat(Signals.name(34)).isEqualTo("SIGRTMIN");
        assertThat(Signals.name(64)).isEqualTo("SIGRTMAX");
    }

    @Test
    void unnamedNumbersAreSpelledOut() {
        assertThat(Signals.name(32)).isEqualTo("signal 32");
        assertThat(Signals.name(40)).isEqualTo("signal 40");
        assertThat(Signals.name(0)).isEqualTo("signal 0");
        assertThat(Signals.name(65)).isEqualTo("signal 65");
    }

    @Test
    void everyStandardNumberHasItsLinuxValue() {
        String[] expected = {null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS",
            "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT",
            "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ",
            "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGPOLL", "SIGPWR", "SIGSYS"};
        for (int i = 1; i < expected.length; i++) {
            assertThat(Signals.name(i)).isEqualTo(expected[i]);
            assertThat(Signals.number(expected[i])).hasValue(i);
        }
        assertThat(new int[] {Signals.SIGHUP, Signals.SIGINT, Signals.SIGQUIT, Signals.SIGKILL, Signals.SIGUSR1,
            Signals.SIGUSR2, Signals.SIGPIPE, Signals.SIGTERM, Signals.SIGCHLD, Signals.SIGCONT, Signals.SIGSTOP,
            Signals.SIGWINCH}).containsExactly(1, 2, 3, 9, 10, 12, 13, 15, 17, 18, 19, 28);
    }

    @Test
    void numbersAcceptShortNamesAnyCaseAndAliases() {
        assertThat(Signals.number("TERM")).hasValue(15);
        assertThat(Signals.number("term")).hasValue(15);
        assertThat(Signals.number(" SigKill ")).hasValue(9);
        assertThat(Signals.number("IO")).hasValue(29);
        assertThat(Signals.number("SIGIOT")).hasValue(6);
        assertThat(Signals.number("CLD")).hasValue(17);
        assertThat(Signals.number("RTMIN")).hasValue(34);
        assertThat(Signals.number("BOGUS")).isEqualTo(OptionalInt.empty());
        assertThat(Signals.number("15")).isEqualTo(OptionalInt.empty());
    }

    @Test
    void refusesToSignalEveryone() {
        assertThatThrownBy(() -> Signals.kill(0, 15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Signals.kill(-1, 15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Signals.killProcessGroup(1, 15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Signals.killProcessGroup(0, 15)).isInstanceOf(IllegalArgumentException.class);
    }
}
