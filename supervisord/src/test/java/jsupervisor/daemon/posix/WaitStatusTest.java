package jsupervisor.daemon.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

class WaitStatusTest {

    private static WaitStatus decode(int code, int pid, int status) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment si = arena.allocate(WaitStatus.SIGINFO_SIZE);
            si.set(ValueLayout.JAVA_INT, WaitStatus.SI_SIGNO, Signals.SIGCHLD);
            si.set(ValueLayout.JAVA_INT, WaitStatus.SI_CODE, code);
            si.set(ValueLayout.JAVA_INT, WaitStatus.SI_PID, pid);
            si.set(ValueLayout.JAVA_INT, WaitStatus.SI_STATUS, status);
            return WaitStatus.fromSiginfo(si);
        }
    }

    @Test
    void decodesNormalExit() {
        WaitStatus s = decode(WaitStatus.CLD_EXITED, 4242, 3);
        assertThat(s).isEqualTo(WaitStatus.exited(4242, 3));
        assertThat(s.isExited()).isTrue();
        assertThat(s.exitCode()).isEqualTo(3);
        assertThat(s.describe()).isEqualTo("exit status 3");
    }

    @Test
    void decodesKillAndCoreDump() {
        WaitStatus killed = decode(WaitStatus.CLD_KILLED, 7, Signals.SIGTERM);
        assertThat(killed).isEqualTo(WaitStatus.killed(7, 15, false));
        assertThat(killed.signal()).isEqualTo(15);
        assertThat(killed.describe()).isEqualTo("terminated by SIGTERM");

        WaitStatus dumped = decode(WaitStatus.CLD_DUMPED, 8, 11);
        assertThat(dumped.isKilled()).isTrue();
        assertThat(dumped.coreDumped()).isTrue();
        assertThat(dumped.describe()).isEqualTo("terminated by SIGSEGV (core dumped)");
    }

    @Test
    void rejectsStopNotificationsAndWrongAccessors() {
        assertThatThrownBy(() -> decode(5, 9, 19)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WaitStatus.exited(1, 0).signal()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> WaitStatus.killed(1, 9, false).exitCode())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new WaitStatus(1, WaitStatus.Kind.EXITED, 0, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lostStatusSaysSo() {
        assertThat(WaitStatus.lost(5).kind()).isEqualTo(WaitStatus.Kind.LOST);
        assertThat(WaitStatus.lost(5).describe()).contains("unknown");
    }
}
