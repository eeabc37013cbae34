package jsupervisor.daemon.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFollowerTest {
    @TempDir
    Path dir;

    private static String poll(FileFollower f) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.poll(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void append(Path p, String s) throws Exception {
        Files.writeString(p, s, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void startsWithTheLast1024BytesThenFollows() throws Exception {
        Path log = dir.resolve("a.log");
        append(log, "x".repeat(2000) + "END\n");
        try (FileFollower f = new FileFollower(log)) {
            f.open();
            assertThat(poll(f)).hasSize(1024).endsWith("END\n");
            append(log, "more\n");
            assertThat(poll(f)).isEqualTo("more\n");
            assertThat(poll(f)).isEmpty();
        }
    }

    @Test
    void tailFollowsAcrossRotationWithoutLosingTheOldFilesLastLines() throws Exception {
        Path log = dir.resolve("b.log");
        append(log, "one\n");
        try (FileFollower f = new FileFollower(log)) {
            f.open();
            assertThat(poll(f)).isEqualTo("one\n");
            // written, then rotated away before the next poll, as a busy child and a small maxbytes do
            append(log, "two\n");
            Files.move(log, dir.resolve("b.log.1"));
            append(log, "three\n");
            assertThat(poll(f)).isEqualTo("two\nthree\n");
            append(log, "four\n");
            assertThat(poll(f)).isEqualTo("four\n");
        }
    }

    @Test
    void aShrunkFileIsAnnouncedAndFollowedFromItsStart() throws Exception {
        Path log = dir.resolve("c.log");
        append(log, "long line here\n");
        try (FileFollower f = new FileFollower(log)) {
            f.open();
            poll(f);
            Files.writeString(log, "new\n", StandardOpenOption.TRUNCATE_EXISTING);
            assertThat(poll(f)).isEqualTo("==> File truncated <==\nnew\n");
        }
    }

    @Test
    void openAtContinuesFromAGivenByteOrFromTheStartOfAShorterFile() throws Exception {
        Path log = dir.resolve("d.log");
        append(log, "0123456789");
        try (FileFollower f = new FileFollower(log)) {
            f.openAt(6);
            assertThat(poll(f)).isEqualTo("6789");
        }
        try (FileFollower f = new FileFollower(log)) {
            f.openAt(10);
            assertThat(poll(f)).isEmpty();
        }
        try (FileFollower f = new FileFollower(log)) {
            f.openAt(50);
            assertThat(poll(f)).isEqualTo("0123456789");
        }
    }

    @Test
    void theOffsetQueryParameterIsDigitsOnly() {
        assertThat(LogTailRoute.offset(null)).isEqualTo(-1);
        assertThat(LogTailRoute.offset("offset=42")).isEqualTo(42);
        assertThat(LogTailRoute.offset("x=1&offset=7")).isEqualTo(7);
        assertThat(LogTailRoute.offset("offset=-1")).isEqualTo(-1);
        assertThat(LogTailRoute.offset("offset=1e3")).isEqualTo(-1);
        assertThat(LogTailRoute.offset("offset=")).isEqualTo(-1);
        assertThat(LogTailRoute.offset("offset=9999999999999999999999")).isEqualTo(-1);
    }
}
