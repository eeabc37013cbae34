package jsupervisor.it.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jsupervisor.it.Await;
import jsupervisor.it.DaemonHarness;

/** What a child gets: environment (REFERENCE.md §4.5), directory, umask, user, and its output in its logs. */
class ChildSetupIT {
    private static final Duration T = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void environmentDirectoryAndUmaskReachTheChild() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path out = dir.resolve("env.out");
        try (DaemonHarness d = DaemonHarness.start(dir, """
                environment=GLOBAL=g,SHARED=from_supervisord
                [unix_http_server]
                file=%s/s.sock
                [program:envdump]
                command=/bin/sh -c 'env | sort > %s.tmp; pwd >> %s.tmp; umask >> %s.tmp; mv %s.tmp %s'
                directory=%s
                umask=077
                environment=SHARED=mine,OWN="x y"
                startsecs=0
                autorestart=false
                """.formatted(dir, out, out, out, out, out, work))) {
            Await.until("env dump", T, () -> Files.exists(out));
            String env = Files.readString(out);
            assertThat(env).contains("SUPERVISOR_ENABLED=1\n", "SUPERVISOR_PROCESS_NAME=envdump\n",
                    "SUPERVISOR_GROUP_NAME=envdump\n", "SUPERVISOR_SERVER_URL=unix://" + dir + "/s.sock\n",
                    "GLOBAL=g\n", "SHARED=mine\n", "OWN=x y\n", work + "\n", "0077\n");
            assertThat(env).doesNotContain("JSUPERVISOR_DAEMON_CHILD", "_JAVA_SR_SIGNUM");
        }
    }

    /**
     * Children get supervisord's soft RLIMIT_NOFILE, raised to minfds when below it, as with Supervisor: not the
     * hard limit the JVM would otherwise have raised it to.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"1200, 1500", "1800, 1800"})
    void childrenGetTheSoftFileLimitRaisedToMinfds(int minfds, int expected) throws Exception {
        long hard = java.nio.file.Files.readAllLines(Path.of("/proc/self/limits")).stream()
                .filter(l -> l.startsWith("Max open files")).map(l -> l.trim().split("\\s+"))
                .mapToLong(f -> f[4].equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(f[4])).findFirst()
                .orElseThrow();
        org.junit.jupiter.api.Assumptions.assumeTrue(hard >= 2000, "needs a hard RLIMIT_NOFILE of 2000 or more");
        Path out = dir.resolve("limit.out");
        try (DaemonHarness d = DaemonHarness.start(dir, """
                minfds=%d
                [program:limit]
                command=/bin/sh -c 'ulimit -Sn > %s.tmp; mv %s.tmp %s'
                startsecs=0
                autorestart=false
                """.formatted(minfds, out, out, out), java.util.Map.of(),
                java.util.List.of("prlimit", "--nofile=1500:", "--"))) {
            Await.until("limit written", T, () -> Files.exists(out));
            assertThat(Files.readString(out)).isEqualTo(expected + "\n");
            if (expected > 1500) {
                assertThat(d.log()).contains("INFO Increased RLIMIT_NOFILE limit to " + expected + "\n");
            } else {
                assertThat(d.log()).doesNotContain("Increased RLIMIT_NOFILE");
            }
        }
    }

    @Test
    void userSwitchesTheChildsUidWhenRoot() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "needs root");
        Path out = dir.resolve("id.out");
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        try (DaemonHarness d = DaemonHarness.start(dir, """
                [program:who]
                command=/bin/sh -c 'id -u > %s.tmp; id -g >> %s.tmp; mv %s.tmp %s'
                user=nobody
                startsecs=0
                autorestart=false
                stdout_logfile=NONE
                stderr_logfile=NONE
                """.formatted(out, out, out, out))) {
            Await.until("id output", T, () -> Files.exists(out));
            assertThat(Files.readString(out)).isEqualTo("65534\n65534\n");
        }
    }

    /**
     * A program that writes down what its fd 1 and fd 2 are ("pipe:[...]" or "/dev/null"), read from /proc while
     * the shell's own streams are untouched (in a command substitution only the inner command's fd 1 changes).
     */
    private static String streamsProgram(String name, Path out, String options) {
        return """
                [program:%s]
                command=/bin/sh -c 'o=$(readlink /proc/$$/fd/1 /proc/$$/fd/2); echo "$o" > %s.tmp; mv %s.tmp %s'
                startsecs=0
                autorestart=false
                %s
                """.formatted(name, out, out, out, options);
    }

    private static String[] streams(Path out) throws Exception {
        Await.until(out + " written", T, () -> Files.exists(out));
        return Files.readString(out).strip().split("\n");
    }

    @Test
    void outputNothingReadsGoesToDevNullAndEverythingElseToAPipe() throws Exception {
        Path quiet = dir.resolve("quiet");
        Path logged = dir.resolve("logged");
        Path events = dir.resolve("events");
        Path merged = dir.resolve("merged");
        Path syslog = dir.resolve("syslog");
        try (DaemonHarness d = DaemonHarness.start(dir,
                streamsProgram("quiet", quiet, "stdout_logfile=NONE\nstderr_logfile=NONE")
                + streamsProgram("logged", logged, "stdout_logfile=" + dir.resolve("l.log") + "\nstderr_logfile=NONE")
                + streamsProgram("events", events,
                        "stdout_logfile=NONE\nstderr_logfile=NONE\nstdout_events_enabled=true\n"
                        + "stderr_capture_maxbytes=1KB")
                + streamsProgram("merged", merged, "stdout_logfile=NONE\nredirect_stderr=true")
                + streamsProgram("syslog", syslog, "stdout_logfile=NONE\nstderr_logfile=NONE\nstdout_syslog=true"))) {
            assertThat(streams(quiet)).containsExactly("/dev/null", "/dev/null");
            assertThat(streams(logged)[0]).startsWith("pipe:");
            assertThat(streams(logged)[1]).isEqualTo("/dev/null");
            assertThat(streams(events)).allMatch(s -> s.startsWith("pipe:"));
            assertThat(streams(merged)).containsExactly("/dev/null", "/dev/null");
            assertThat(streams(syslog)).containsExactly(streams(syslog)[0], "/dev/null");
            assertThat(streams(syslog)[0]).startsWith("pipe:");
            d.awaitLog("exited: quiet (exit status 0; expected)", T);
        }
    }

    @Test
    void atDebugLevelEveryStreamIsAPipeForTheMainLogMirror() throws Exception {
        Path quiet = dir.resolve("quiet");
        try (DaemonHarness d = DaemonHarness.start(dir, "loglevel=debug\n"
                + streamsProgram("quiet", quiet, "stdout_logfile=NONE\nstderr_logfile=NONE"))) {
            assertThat(streams(quiet)).allMatch(s -> s.startsWith("pipe:"));
        }
    }

    @Test
    void stdoutAndStderrLandInTheirLogsAndRedirectMergesThem() throws Exception {
        Path o = dir.resolve("o.log");
        Path e = dir.resolve("e.log");
        Path m = dir.resolve("m.log");
        try (DaemonHarness d = DaemonHarness.start(dir, """
                [program:split]
                command=/bin/sh -c 'echo to-out; echo to-err >&2'
                stdout_logfile=%s
                stderr_logfile=%s
                startsecs=0
                autorestart=false
                [program:merged]
                command=/bin/sh -c 'echo to-out; echo to-err >&2'
                stdout_logfile=%s
                redirect_stderr=true
                startsecs=0
                autorestart=false
                """.formatted(o, e, m))) {
            d.awaitLog("exited: split", T);
            d.awaitLog("exited: merged", T);
            Await.until("logs written", T, () -> LifecycleIT.read(o).equals("to-out\n")
                    && LifecycleIT.read(e).equals("to-err\n") && LifecycleIT.read(m).length() == 14);
            assertThat(LifecycleIT.read(m)).contains("to-out\n", "to-err\n");
        }
    }
}
