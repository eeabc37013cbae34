package jsupervisor.it.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jsupervisor.it.DaemonHarness;

/** Zero loss: every byte a fast writer produces is in its log files, in order, across many rotations. */
class LogRotationIT {
    private static final int LINES = 600_000;

    @TempDir
    Path dir;

    @Test
    void rotatedFilesHoldEveryLineExactlyOnceInOrder() throws Exception {
        Path log = dir.resolve("spew.log");
        try (DaemonHarness d = DaemonHarness.start(dir, """
                [program:spew]
                command=/usr/bin/seq 1 %d
                stdout_logfile=%s
                stdout_logfile_maxbytes=64KB
                stdout_logfile_backups=200
                startsecs=0
                autorestart=false
                """.formatted(LINES, log))) {
            d.awaitLog("exited: spew (exit status 0; expected)", Duration.ofSeconds(60));
        }
        StringBuilder all = new StringBuilder();
        int backups = 0;
        while (Files.exists(dir.resolve("spew.log." + (backups + 1)))) {
            backups++;
        }
        assertThat(backups).as("rotations").isGreaterThan(20);
        for (int i = backups; i >= 1; i--) {
            Path f = dir.resolve("spew.log." + i);
            // rotation happens between writes, as Supervisor's: a file overshoots by less than one read (128 KiB)
            assertThat(Files.size(f)).isLessThanOrEqualTo(64 * 1024 + 128 * 1024 - 1);
            all.append(Files.readString(f));
        }
        all.append(Files.readString(log));
        String expected = IntStream.rangeClosed(1, LINES).mapToObj(Integer::toString)
                .collect(Collectors.joining("\n", "", "\n"));
        assertThat(all.length()).isEqualTo(expected.length());
        assertThat(all.toString().equals(expected)).as("every line once, in order").isTrue();
    }
}
