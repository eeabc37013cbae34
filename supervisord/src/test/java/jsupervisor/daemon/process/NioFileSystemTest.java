package jsupervisor.daemon.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real file-system seam, on a temp directory (no process is started). */
class NioFileSystemTest {
    private final NioFileSystem fs = new NioFileSystem();

    @TempDir
    Path dir;

    @Test
    void statReportsDirectoriesAndPermissionBits() throws IOException {
        Path script = Files.createFile(dir.resolve("run.sh"));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x--x"));
        Path data = Files.createFile(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(fs.stat(script.toString())).hasValue(new FileSystem.FileStat(false, 0751));
        assertThat(fs.stat(data.toString())).hasValue(new FileSystem.FileStat(false, 0644));
        assertThat(fs.stat(dir.toString())).get().extracting(FileSystem.FileStat::directory).isEqualTo(true);
        assertThat(fs.stat(dir.resolve("missing").toString())).isEmpty();
        assertThat(fs.stat("bad\0path")).isEmpty();
    }

    @Test
    void isExecutableAsksAccess() throws IOException {
        Path script = Files.createFile(dir.resolve("run.sh"));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path data = Files.createFile(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rw-------"));

        assertThat(fs.isExecutable(script.toString())).isTrue();
        assertThat(fs.isExecutable(data.toString())).isFalse();
        assertThat(fs.isExecutable(dir.resolve("missing").toString())).isFalse();
    }
}
