package jsupervisor.daemon.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Session, process group, signal mask and dispositions of spawned children, read from /proc. */
class ProcessGroupIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final PosixSpawner spawner = new PosixSpawner();

    /** Fields of /proc/pid/stat after the ")" that ends comm: state, ppid, pgrp, session, ... */
    static List<String> statFields(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String statusLine(String procFile, String key) throws IOException {
        return Files.readAllLines(Path.of(procFile)).stream()
                .filter(l -> l.startsWith(key + ":"))
                .map(l -> l.substring(key.length() + 1).strip())
                .findFirst().orElseThrow();
    }

    /** Gone, or a zombie nobody has reaped yet (in a container without an init that reaps). */
    static boolean isDead(int pid) {
        List<String> fields = statFields(pid);
        return fields.isEmpty() || fields.get(0).equals("Z") || fields.get(0).equals("X");
    }

    @Test
    void childLeadsANewSessionAndProcessGroup() {
        try (ChildRun run = ChildRun.start(spawner, SpawnIT.sh("exec sleep 60").build())) {
            List<String> stat = statFields(run.pid());
            assertThat(stat.get(2)).as("pgrp").isEqualTo(String.valueOf(run.pid()));
            assertThat(stat.get(3)).as("session").isEqualTo(String.valueOf(run.pid()));
            assertThat(statFields(ThisProcess.pid()).get(3)).as("our session differs")
                    .isNotEqualTo(String.valueOf(run.pid()));
        }
    }

    @Test
    void childStartsWithEmptyMaskAndDefaultDispositions() throws IOException {
        // Make the parent side dirty on purpose: a blocked signal in this thread, an ignored one process-wide.
        Signals.blockInThisThread(Signals.SIGWINCH);
        MemorySegment previous = Libc.signal(22, MemorySegment.ofAddress(Signals.SIG_IGN)); // SIGTTOU
        try {
            assertThat(statusLine("/proc/thread-self/status", "SigBlk")).isNotEqualTo("0000000000000000");
            assertThat(Signals.isIgnored(22)).isTrue();
            try (ChildRun run = ChildRun.start(spawner, SpawnRequest.builder("/bin/sleep", List.of("sleep", "60"),
                    SpawnIT.env()).build())) {
                String status = "/proc/" + run.pid() + "/status";
                assertThat(statusLine(status, "SigBlk")).isEqualTo("0000000000000000");
                assertThat(statusLine(status, "SigIgn")).isEqualTo("0000000000000000");
            }
        } finally {
            Libc.signal(22, previous);
            Signals.unblockInThisThread(Signals.SIGWINCH);
        }
        assertThat(Signals.isIgnored(22)).isFalse();
        assertThat(Signals.isBlockedInThisThread(Signals.SIGWINCH)).isFalse();
    }

    @Test
    void requestedMaskIsInstalledForSelfRespawn() throws IOException {
        SpawnRequest request = SpawnRequest.builder("/bin/sleep", List.of("sleep", "60"), SpawnIT.env())
                .blockedSignals(List.of(Signals.SIGHUP, Signals.SIGTERM)).build();
        try (ChildRun run = ChildRun.start(spawner, request)) {
            long mask = Long.parseLong(statusLine("/proc/" + run.pid() + "/status", "SigBlk"), 16);
            assertThat(mask).isEqualTo((1L << (Signals.SIGHUP - 1)) | (1L << (Signals.SIGTERM - 1)));
        }
    }

    @Test
    void killingTheProcessGroupReachesAGrandchild() {
        SpawnRequest request = SpawnIT.sh("sleep 60 & echo $!; wait").build();
        try (ChildRun run = ChildRun.start(spawner, request)) {
            StringBuilder line = new StringBuilder();
            byte[] buf = new byte[64];
            Await.until("grandchild pid on stdout", () -> {
                int n = run.child.stdout().read(buf, 0, buf.length);
                if (n > 0) {
                    line.append(new String(buf, 0, n));
                }
                return line.indexOf("\n") >= 0;
            }, TIMEOUT);
            int grandchild = Integer.parseInt(line.toString().strip());
            assertThat(statFields(grandchild).get(2)).as("grandchild pgrp").isEqualTo(String.valueOf(run.pid()));
            try {
                assertThat(Signals.killProcessGroup(run.pid(), Signals.SIGTERM)).isTrue();
                assertThat(run.finish(TIMEOUT).describe()).isEqualTo("terminated by SIGTERM");
                Await.until("grandchild " + grandchild + " to die", () -> isDead(grandchild), TIMEOUT);
            } finally {
                if (!isDead(grandchild)) {
                    Signals.kill(grandchild, Signals.SIGKILL);
                }
            }
        }
    }
}
