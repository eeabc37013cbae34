package jsupervisor.daemon.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Reaping through pidfds never touches other children; orphan reaping skips ours. */
class ReapIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final PosixSpawner spawner = new PosixSpawner();

    @Test
    void pidfdReapLeavesOtherChildrenAlone() {
        try (ChildRun first = ChildRun.start(spawner, SpawnIT.sh("exit 4").build());
                ChildRun second = ChildRun.start(spawner, SpawnIT.sh("exit 5").build())) {
            assertThat(second.finish(TIMEOUT).exitCode()).isEqualTo(5);
            // The first child is a zombie by now or soon; it must still be there for its own pidfd.
            assertThat(first.finish(TIMEOUT).exitCode()).isEqualTo(4);
        }
    }

    @Test
    void orphanReapingSkipsOurChildren() {
        try (ChildRun ours = ChildRun.start(spawner, SpawnIT.sh("exit 6").build())) {
            waitUntilZombie(ours.pid());
            assertThat(PidFd.reapOrphan(pid -> pid == ours.pid())).isEmpty();
            assertThat(ours.child.pidFd().reap()).contains(WaitStatus.exited(ours.pid(), 6));
        }
    }

    @Test
    void orphanReapingReapsWhatIsNotOurs() {
        try (ChildRun stranger = ChildRun.start(spawner, SpawnIT.sh("exit 7").build())) {
            waitUntilZombie(stranger.pid());
            AtomicReference<Optional<WaitStatus>> reaped = new AtomicReference<>(Optional.empty());
            // Other zombies of this JVM (none expected) are fine to reap too: keep going until ours shows up.
            Await.until("stranger reaped as an orphan", () -> {
                Optional<WaitStatus> status = PidFd.reapOrphan(pid -> false);
                status.filter(s -> s.pid() == stranger.pid()).ifPresent(s -> reaped.set(Optional.of(s)));
                return reaped.get().isPresent();
            }, TIMEOUT);
            assertThat(reaped.get()).contains(WaitStatus.exited(stranger.pid(), 7));
            assertThat(stranger.child.pidFd().reap()).as("already reaped elsewhere")
                    .contains(WaitStatus.lost(stranger.pid()));
        }
    }

    @Test
    void noZombieMeansNothingToReap() {
        assertThat(PidFd.reapOrphan(pid -> true)).isEmpty();
    }

    static void waitUntilZombie(int pid) {
        Await.until("pid " + pid + " to exit", () -> ProcessGroupIT.statFields(pid).get(0).equals("Z"), TIMEOUT);
    }
}
