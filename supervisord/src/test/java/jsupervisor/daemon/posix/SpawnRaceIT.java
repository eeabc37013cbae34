package jsupervisor.daemon.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Races between spawning, exiting, killing and reaping, repeated; plus a spawn-rate measurement. */
class SpawnRaceIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final PosixSpawner spawner = new PosixSpawner();

    @Test
    void spawnAndReapRace250Times() throws Exception {
        long fdsBefore = openFds();
        for (int i = 0; i < 250; i++) {
            int code = i % 256;
            // Alternate children that exit at once with children killed right after the spawn.
            String script = i % 2 == 0 ? "exit " + code : "exec sleep 60";
            try (ChildRun run = ChildRun.start(spawner, SpawnIT.sh(script).stdinPipe(i % 3 == 0).build())) {
                if (i % 2 != 0) {
                    assertThat(Signals.kill(run.pid(), Signals.SIGTERM)).isTrue();
                }
                WaitStatus status = run.finish(TIMEOUT);
                assertThat(status.pid()).isEqualTo(run.pid());
                if (i % 2 == 0) {
                    assertThat(status).isEqualTo(WaitStatus.exited(run.pid(), code));
                } else {
                    assertThat(status).isEqualTo(WaitStatus.killed(run.pid(), Signals.SIGTERM, false));
                }
            }
        }
        assertThat(openFds()).as("no fd leaked across 250 spawns").isLessThanOrEqualTo(fdsBefore);
    }

    @Test
    void manyChildrenAtOnceAreAllReapedThroughOneEpollSet() {
        int count = 50;
        Map<Long, SpawnResult.Spawned> byToken = new HashMap<>();
        try (Epoll epoll = Epoll.open(256)) {
            for (int i = 0; i < count; i++) {
                SpawnRequest request = SpawnRequest.builder("/bin/sh", List.of("sh", "-c", "exit " + i),
                        SpawnIT.env()).stdinPipe(false).stdout(Output.DEV_NULL).stderr(Output.DEV_NULL).build();
                SpawnResult.Spawned child = (SpawnResult.Spawned) spawner.spawn(request);
                byToken.put((long) i, child);
                epoll.add(child.pidFd().fd(), Epoll.IN, i);
            }
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            int reaped = 0;
            while (reaped < count) {
                assertThat(System.nanoTime()).as("all reaped before the deadline").isLessThan(deadline);
                int n = epoll.waitFor(1000);
                for (int k = 0; k < n; k++) {
                    SpawnResult.Spawned child = byToken.get(epoll.token(k));
                    WaitStatus status = child.pidFd().reap().orElseThrow();
                    assertThat(status.exitCode()).isEqualTo((int) epoll.token(k));
                    epoll.delete(child.pidFd().fd());
                    child.pidFd().close();
                    reaped++;
                }
            }
        } finally {
            for (SpawnResult.Spawned child : byToken.values()) {
                if (child.pidFd().fd().isOpen()) {
                    Signals.kill(child.pid(), Signals.SIGKILL);
                    Await.until("reap " + child.pid(), () -> child.pidFd().reap().isPresent(), TIMEOUT);
                    child.pidFd().close();
                }
            }
        }
    }

    @Test
    void measureSpawnRate() {
        SpawnRequest request = SpawnRequest.builder("/bin/true", List.of("true"), SpawnIT.env()).build();
        for (int i = 0; i < 50; i++) {
            spawnAndReap(request);
        }
        int n = 500;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            spawnAndReap(request);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("PosixSpawner: %d spawn+reap of /bin/true (3 pipes, pidfd) in %.3f s = %.0f spawns/s%n",
                n, seconds, n / seconds);
    }

    private void spawnAndReap(SpawnRequest request) {
        try (ChildRun run = ChildRun.start(spawner, request)) {
            assertThat(run.finish(TIMEOUT).exitCode()).isZero();
        }
    }

    private static long openFds() throws Exception {
        try (var list = Files.list(Path.of("/proc/self/fd"))) {
            return list.count();
        }
    }
}
