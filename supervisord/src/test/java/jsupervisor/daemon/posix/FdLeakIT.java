package jsupervisor.daemon.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No fd of the JVM or of ours may leak into a child: only 0, 1, 2 and the one ls opens itself. The JVM keeps
 * several fds without close-on-exec (lib/modules, class-path jars), so this fails if the spawner relies on
 * close-on-exec alone.
 */
class FdLeakIT {
    @TempDir
    Path dir;

    @Test
    void childSeesOnlyItsStdioFds() throws IOException {
        assertOnlyStdioReachesChild(new PosixSpawner());
    }

    /** The glibc < 2.34 path: no closefrom, so every fd open at spawn time gets its own close action. */
    @Test
    void withoutClosefromEachInheritedFdIsClosed() throws IOException {
        assertOnlyStdioReachesChild(new PosixSpawner(false));
    }

    private void assertOnlyStdioReachesChild(PosixSpawner spawner) throws IOException {
        // Extra open fds on our side: JDK file streams, pipes, an epoll set and another child's pipes.
        try (RandomAccessFile jdkFile = new RandomAccessFile(Files.writeString(Files.createTempFile(dir, "f", ""), "x").toFile(), "r");
                Pipe pipe = Pipe.open();
                Epoll epoll = Epoll.open(4);
                EventFd wake = EventFd.open();
                ChildRun other = ChildRun.start(spawner, SpawnIT.sh("exec sleep 60").build())) {
            assertThat(jdkFile.length()).isEqualTo(1);
            long ourFds = Files.list(Path.of("/proc/self/fd")).count();
            assertThat(ourFds).as("the JVM holds plenty of fds").isGreaterThan(10);
            try (ChildRun run = ChildRun.start(spawner, SpawnIT.sh("ls /proc/self/fd").build())) {
                assertThat(run.finish(Duration.ofSeconds(10)).exitCode()).isZero();
                List<String> fds = Arrays.asList(run.stdout().strip().split("\n"));
                assertThat(fds).containsExactlyInAnyOrder("0", "1", "2", "3");
            }
        }
    }
}
