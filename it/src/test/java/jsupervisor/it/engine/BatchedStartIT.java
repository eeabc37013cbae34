package jsupervisor.it.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jsupervisor.it.DaemonHarness;

/**
 * The programs that start in the same pass are spawned several at once. Each must still get exactly its own
 * child, with its own settings (umask, directory, fcgi socket), and the failures must be the usual ones.
 */
class BatchedStartIT {
    @TempDir
    Path dir;

    @Test
    void programsStartedTogetherEachGetTheirOwnChildAndSettings() throws Exception {
        int n = 60;
        StringBuilder conf = new StringBuilder();
        for (int i = 0; i < n; i++) {
            conf.append("""
                    [program:p%d]
                    command=/bin/sleep 1000
                    startsecs=0
                    """.formatted(i));
        }
        conf.append("""
                [program:masked]
                command=/bin/sleep 1000
                umask=077
                startsecs=0
                [program:nodir]
                command=/bin/sleep 1000
                directory=%s/missing
                startsecs=1
                startretries=0
                [fcgi-program:f]
                socket=unix://%s/f.sock
                command=/bin/sleep 1000
                numprocs=3
                process_name=f%%(process_num)d
                startsecs=0
                """.formatted(dir, dir));
        try (DaemonHarness d = DaemonHarness.start(dir, conf.toString())) {
            d.awaitCount("success: (p\\d+|masked|f\\d) entered RUNNING", n + 4, Duration.ofSeconds(60));
            d.awaitLog("gave up: nodir entered FATAL state", Duration.ofSeconds(30));
            List<Long> pids = d.spawnedPids();
            Set<Long> unique = new HashSet<>(pids);
            assertThat(unique).as("one child per spawn").hasSameSizeAs(pids);
            for (int i = 0; i < n; i++) {
                long pid = d.pidOf("p" + i);
                assertThat(Files.readString(Path.of("/proc/" + pid + "/cmdline"))).isEqualTo("/bin/sleep\0001000\000");
            }
            assertThat(status(d.pidOf("masked"))).contains("Umask:\t0077");
            assertThat(status(d.pidOf("p0"))).doesNotContain("Umask:\t0077");
            for (int i = 0; i < 3; i++) {
                assertThat(Files.readSymbolicLink(Path.of("/proc/" + d.pidOf("f" + i) + "/fd/0")).toString())
                        .startsWith("socket:");
            }
            assertThat(Files.readSymbolicLink(Path.of("/proc/" + d.pidOf("p0") + "/fd/0")).toString())
                    .startsWith("pipe:");
            assertThat(d.log()).contains("exited: nodir (exit status 127; not expected)");
            String err = Files.readString(dir.resolve(childLog(d, "nodir")));
            assertThat(err).contains("supervisor: couldn't chdir to " + dir + "/missing: ENOENT");
        }
    }

    private static String status(long pid) throws Exception {
        return Files.readString(Path.of("/proc/" + pid + "/status"));
    }

    /** The AUTO stderr log of a process in the child log dir. */
    private Path childLog(DaemonHarness d, String name) throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(name + "-stderr---"))
                    .findFirst().orElseThrow();
        }
    }
}
