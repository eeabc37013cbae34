package jsupervisor.daemon.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandPathTest {
    @TempDir
    Path dir;

    private Path file(String name, String perms) throws IOException {
        Path p = Files.createFile(dir.resolve(name));
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        return p;
    }

    @Test
    void bareNameIsSearchedInPathOrder() throws IOException {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        Files.createFile(b.resolve("prog"));
        assertThat(CommandPath.find("prog", a + ":" + b)).contains(b.resolve("prog"));
        Files.createFile(a.resolve("prog"));
        assertThat(CommandPath.find("prog", a + ":" + b)).contains(a.resolve("prog"));
        assertThat(CommandPath.find("nosuchcmd_xyz", a + ":" + b)).isEmpty();
    }

    @Test
    void firstExistingEntryWinsEvenADirectory() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a/prog"));
        Path b = Files.createDirectory(dir.resolve("b"));
        file("b/prog", "rwxr-xr-x");
        Path found = CommandPath.find("prog", dir.resolve("a") + ":" + b).orElseThrow();
        assertThat(found).isEqualTo(a);
        assertThat(CommandPath.check(found)).isEqualTo(CommandPath.Verdict.DIRECTORY);
    }

    @Test
    void slashNamesAreTakenAsIs() {
        assertThat(CommandPath.find("./x", "/nowhere")).contains(Path.of("./x"));
        assertThat(CommandPath.find("/bin/sh", null)).contains(Path.of("/bin/sh"));
    }

    @Test
    void nullPathMeansSupervisorsDefault() {
        assertThat(CommandPath.DEFAULT_PATH).isEqualTo("/bin:/usr/bin:/usr/local/bin");
        assertThat(CommandPath.find("sh", null)).contains(Path.of("/bin/sh"));
    }

    @Test
    void checksRunInSupervisorsOrder() throws IOException {
        assertThat(CommandPath.check(dir.resolve("missing"))).isEqualTo(CommandPath.Verdict.NOT_FOUND);
        assertThat(CommandPath.check(dir)).isEqualTo(CommandPath.Verdict.DIRECTORY);
        assertThat(CommandPath.check(file("plain", "rw-r--r--"))).isEqualTo(CommandPath.Verdict.NOT_EXECUTABLE);
        assertThat(CommandPath.check(file("runnable", "rwxr-xr-x"))).isEqualTo(CommandPath.Verdict.RUNNABLE);
        Path othersOnly = file("others", "rw-r--r-x");
        CommandPath.Verdict expected = Users.effectiveUid() == 0
                ? CommandPath.Verdict.RUNNABLE : CommandPath.Verdict.NO_PERMISSION;
        assertThat(CommandPath.check(othersOnly)).isEqualTo(expected);
    }
}
