package jsupervisor.it.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jsupervisor.it.Await;
import jsupervisor.it.DaemonHarness;

/**
 * The daemon batches the reads of children that write little and often (their pipes pause between reads):
 * nothing may be lost, reordered or held back by it.
 */
class OutputBatchingIT {
    @TempDir
    Path dir;

    private Path script(String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, body);
        return p;
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String numbered(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void manySlowWritersLoseAndReorderNothing() throws Exception {
        int lines = 1500;
        Path writer = script("slow.py", """
                import sys, time
                for i in range(1, %d + 1):
                    sys.stdout.write('line %%d\\n' %% i)
                    sys.stdout.flush()
                    time.sleep(0.0005)
                """.formatted(lines));
        try (DaemonHarness d = DaemonHarness.start(dir, """
                [program:w]
                command=/usr/bin/python3 -u %s
                numprocs=12
                process_name=w%%(process_num)d
                stdout_logfile=%s/w%%(process_num)d.log
                startsecs=0
                autorestart=false
                """.formatted(writer, dir))) {
            d.awaitCount("exited: w\\d+ \\(exit status 0; expected\\)", 12, Duration.ofSeconds(120));
        }
        String expected = numbered(1, lines);
        for (int i = 0; i < 12; i++) {
            assertThat(Files.readString(dir.resolve("w" + i + ".log"))).as("w" + i).isEqualTo(expected);
        }
    }

    @Test
    void aSilentBurstAfterSlowWritingArrivesWhole() throws Exception {
        // slow lines get the pipe paused; then a burst far larger than a pipe; then quiet again
        Path writer = script("burst.py", """
                import os, sys, time
                for i in range(1, 201):
                    os.write(1, b'line %d\\n' % i)
                    time.sleep(0.001)
                block = b''.join(b'line %d\\n' % i for i in range(201, 400001))
                for off in range(0, len(block), 4096):
                    os.write(1, block[off:off + 4096])
                os.write(1, b'line 400001\\n')
                time.sleep(1000)
                """);
        try (DaemonHarness d = DaemonHarness.start(dir, """
                [program:b]
                command=/usr/bin/python3 -u %s
                stdout_logfile=%s/b.log
                startsecs=0
                autorestart=false
                """.formatted(writer, dir))) {
            d.awaitLog("spawned: 'b'", Duration.ofSeconds(30));
            // the child keeps running: the last line must come from a paused pipe being read again, not from
            // the drain that follows an exit
            Path log = dir.resolve("b.log");
            Await.until("the last line in the log", Duration.ofSeconds(60),
                    () -> read(log).endsWith("line 400001\n"));
            assertThat(Files.readString(log)).isEqualTo(numbered(1, 400_001));
        }
    }
}
