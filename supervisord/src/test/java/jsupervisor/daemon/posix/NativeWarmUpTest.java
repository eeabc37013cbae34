package jsupervisor.daemon.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NativeWarmUpTest {
    @Test
    void theThreadEndsAndNativeCallsWorkOnOtherThreadsWithTheirOwnErrno() throws Exception {
        assertThat(Libc.close(-1)).isEqualTo(-1); // EBADF on this thread
        NativeWarmUp.start();
        Thread warmUp = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("native-warm-up")).findFirst().orElse(null);
        if (warmUp != null) { // null when it already ended
            warmUp.join(TimeUnit.SECONDS.toMillis(20));
            assertThat(warmUp.isAlive()).isFalse();
        }
        assertThat(Ffm.errno()).isEqualTo(Errno.EBADF); // the warm-up's own calls left this thread's errno alone
        assertThat(Libc.getpid()).isEqualTo((int) ProcessHandle.current().pid());
    }
}
