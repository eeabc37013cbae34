package jsupervisor.daemon.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** signalfd in an epoll set, fed by a blocked signal, and disposition reset for ignored signals. */
class SignalFdIT {

    @Test
    void blockedSignalIsReadFromTheSignalFdThroughEpoll() {
        // Thread-directed (raise) and blocked in this thread only, so no other JVM thread can take it.
        Signals.blockInThisThread(Signals.SIGWINCH);
        try (SignalFd signals = SignalFd.open(Signals.SIGWINCH, Signals.SIGUSR1); Epoll epoll = Epoll.open(4)) {
            assertThat(Signals.isBlockedInThisThread(Signals.SIGWINCH)).isTrue();
            assertThat(signals.fd().isCloseOnExec()).isTrue();
            epoll.add(signals.fd(), Epoll.IN, 9);
            assertThat(signals.read()).isEmpty();
            Signals.raise(Signals.SIGWINCH);
            assertThat(epoll.waitFor(5000)).isEqualTo(1);
            assertThat(epoll.token(0)).isEqualTo(9);
            Optional<SignalFd.Received> received = signals.read();
            assertThat(received).isPresent();
            assertThat(received.get().signal()).isEqualTo(Signals.SIGWINCH);
            assertThat(received.get().senderPid()).isEqualTo(ThisProcess.pid());
            assertThat(received.get().senderUid()).isEqualTo(Users.uid());
            assertThat(signals.read()).isEmpty();
        } finally {
            Signals.unblockInThisThread(Signals.SIGWINCH);
        }
        assertThat(Signals.isBlockedInThisThread(Signals.SIGWINCH)).isFalse();
    }

    @Test
    void ignoredSignalCanBeResetToDefault() {
        int sigttin = 21;
        Libc.signal(sigttin, MemorySegment.ofAddress(Signals.SIG_IGN));
        assertThat(Signals.isIgnored(sigttin)).isTrue();
        Signals.resetToDefault(sigttin);
        assertThat(Signals.isIgnored(sigttin)).isFalse();
        assertThat(List.of(Signals.isIgnored(Signals.SIGTERM))).containsExactly(false);
    }
}
