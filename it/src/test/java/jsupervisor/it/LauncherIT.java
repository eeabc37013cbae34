package jsupervisor.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The POSIX sh launchers: finding Java 25, finding the jars, and the one-line messages when either is missing. */
class LauncherIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @Test
    void versionIsSupervisorsVersion() throws Exception {
        Launchers.Result r = Launchers.run(List.of(Launchers.bin("supervisord").toString(), "-v"), tmp, Map.of(),
                TIMEOUT);
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).isEqualTo("4.2.5\n");
    }

    @Test
    void helpNamesTheProgramAsInvoked() throws Exception {
        String launcher = Launchers.bin("supervisord").toString();
        Launchers.Result r = Launchers.run(List.of(launcher, "--help"), tmp, Map.of(), TIMEOUT);
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).startsWith("supervisord -- run a set of applications as daemons.\n\nUsage: "
                + launcher + " [options]\n");
        for (String opt : List.of("-c/--configuration", "-n/--nodaemon", "-s/--silent", "-u/--user", "-m/--umask",
                "-d/--directory", "-l/--logfile", "-y/--logfile_maxbytes", "-z/--logfile_backups", "-e/--loglevel",
                "-j/--pidfile", "-i/--identifier", "-q/--childlogdir", "-k/--nocleanup", "-a/--minfds",
                "-t/--strip_ansi", "--minprocs")) {
            assertThat(r.stdout()).contains(opt);
        }
    }

    @Test
    void aJavaOlderThan25IsRefusedInOneLine() throws Exception {
        Path fakeHome = tmp.resolve("jdk17");
        Files.createDirectories(fakeHome.resolve("bin"));
        Files.writeString(fakeHome.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        Path java = Files.writeString(fakeHome.resolve("bin/java"), "#!/bin/sh\nexit 99\n");
        java.toFile().setExecutable(true);
        Launchers.Result r = Launchers.run(List.of(Launchers.bin("supervisord").toString(), "-v"), tmp,
                Map.of("SUPERVISOR_JAVA", fakeHome.toString()), TIMEOUT);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).isEqualTo("jsupervisor: SUPERVISOR_JAVA=" + fakeHome
                + " is not a Java 25 (or newer) runtime.\n");
    }

    @Test
    void anUnbuiltCheckoutSaysHowToBuildIt() throws Exception {
        Path copy = tmp.resolve("checkout");
        Files.createDirectories(copy.resolve("bin"));
        for (String f : List.of("supervisord", "supervisorctl", "echo_supervisord_conf", "pidproxy",
                "jsupervisor-java.sh")) {
            Path target = copy.resolve("bin").resolve(f);
            Files.copy(Launchers.bin(f), target);
            target.toFile().setExecutable(true);
        }
        for (String f : List.of("supervisord", "supervisorctl", "echo_supervisord_conf", "pidproxy")) {
            Launchers.Result r = Launchers.run(List.of(copy.resolve("bin").resolve(f).toString()), tmp, Map.of(),
                    TIMEOUT);
            assertThat(r.exitCode()).as(f).isEqualTo(1);
            assertThat(r.stderr()).as(f).isEqualTo("jsupervisor is not built yet: run 'mvn -q -B package "
                    + "-DskipTests' in " + copy + " first.\n");
        }
    }

    @Test
    void launchersWorkThroughASymlink() throws Exception {
        Path link = tmp.resolve("supervisord");
        Files.createSymbolicLink(link, Launchers.bin("supervisord"));
        Launchers.Result r = Launchers.run(List.of(link.toString(), "-v"), tmp, Map.of(), TIMEOUT);
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).isEqualTo("4.2.5\n");
    }
}
