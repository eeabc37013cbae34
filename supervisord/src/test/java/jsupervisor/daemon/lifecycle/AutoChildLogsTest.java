package jsupervisor.daemon.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoChildLogsTest {
    @TempDir
    Path dir;

    @Test
    void createsPrivateFilesNamedAsSupervisorDoes() throws Exception {
        Path p = new AutoChildLogs(dir, "supervisor").create("web", "stdout");
        assertThat(p.getFileName().toString()).matches("web-stdout---supervisor-[a-z0-9_]{8}\\.log");
        assertThat(Files.size(p)).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).isEqualTo("rw-------");
    }

    @Test
    void cleanupRemovesThisIdentifiersLogsAndBackupsOnly() throws Exception {
        for (String name : new String[] {"a-stdout---supervisor-abcdefgh.log", "a-stdout---supervisor-abcdefgh.log.1",
                "a-stderr---supervisor-x_y_z123.log.10", "a-stdout---other-abcdefgh.log", "notes.txt",
                "---supervisor-abc.log"}) {
            Files.writeString(dir.resolve(name), "x");
        }
        assertThat(new AutoChildLogs(dir, "supervisor").clean()).isEmpty();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("a-stdout---other-abcdefgh.log", "notes.txt", "---supervisor-abc.log");
        }
    }

    @Test
    void anUnreadableDirectoryIsReportedNotThrown() {
        assertThat(new AutoChildLogs(dir.resolve("missing"), "supervisor").clean())
                .containsExactly("Could not clear childlog dir");
    }

    @Test
    void pidFileIsWrittenAndOnlyOurOwnIsRemoved() throws Exception {
        PidFile pf = new PidFile(dir.resolve("s.pid"));
        assertThat(pf.write(1234)).isTrue();
        assertThat(Files.readString(dir.resolve("s.pid"))).isEqualTo("1234\n");
        pf.unlink();
        assertThat(dir.resolve("s.pid")).doesNotExist();
        Files.writeString(dir.resolve("other.pid"), "99\n");
        PidFile failed = new PidFile(dir.resolve("nodir/other.pid"));
        assertThat(failed.write(1)).isFalse();
        failed.unlink();
        assertThat(dir.resolve("other.pid")).exists();
    }
}
