package jsupervisor.it.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jsupervisor.it.Await;
import jsupervisor.it.DaemonHarness;

/** The process lifecycle of REFERENCE.md §4 with real children: restarts, exits, backoff, stopping. */
class LifecycleIT {
    private static final Duration T = Duration.ofSeconds(20);

    @TempDir
    java.nio.file.Path dir;

    @Test
    void crashedChildIsRespawnedAtOnce() throws Exception {
        try (DaemonHarness d = DaemonHarness.start(dir, """
                [program:crash]
                command=/bin/sh -c 'exit 3'
                startsecs=0
                autorestart=true
                """)) {
            d.awaitCount("spawned: 'crash' with pid", 5, T);
            assertThat(d.log()).contains("WARN exited: crash (exit status 3; not expected)")
                    .contains("INFO success: crash entered RUNNING state, process has stayed up for > than 0 "
                            + "seconds (startsecs)");
        }
    }

    /**
     * numprocs with an escaped {@code %%(process_num)d}: every process gets the same literal name, and Supervisor,
     * keeping processes in a dict, runs one of them; the daemon must not refuse the config.
     */
    @Test
    void processesConfiguredUnderOneNameAreOneProcess() throws Exception {
        try (DaemonHarness d = DaemonHarness.start(dir, """
                [program:np]
                command=/bin/sleep 1000
                startsecs=0
                numprocs=2
                process_name=%%(program_name)s_%%(process_num)d
                """)) {
            d.awaitLog("success: %(program_name)s_%(process_num)d entered RUNNING", T);
            d.awaitLog("supervisord started with pid", T);
            assertThat(d.count(java.util.regex.Pattern.compile("spawned: "))).isEqualTo(1);
        }
    }

    /** Supervisor starts programs one after the other: a spawn error is logged in its place among the spawns. */
    @Test
    void spawnErrorsAreLoggedInStartOrder() throws Exception {
        try (DaemonHarness d = DaemonHarness.start(dir, """
                [program:a]
                command=/bin/sleep 1000
                startsecs=0
                [program:b]
                command=/nonexistent/b
                startretries=0
                [program:c]
                command=/bin/sleep 1000
                startsecs=0
                """)) {
            d.awaitLog("gave up: b entered FATAL state", T);
            d.awaitLog("success: c entered RUNNING", T);
            String log = d.log();
            int a = log.indexOf("spawned: 'a' with pid");
            int b = log.indexOf("spawnerr: can't find command '/nonexistent/b'");
            int c = log.indexOf("spawned: 'c' with pid");
            assertThat(a).isNotNegative();
            assertThat(b).isGreaterThan(a);
            assertThat(c).isGreaterThan(b);
        }
    }

    @Test
    void expectedAndUnexpectedExitsFollowExitcodes() throws Exception {
        try (DaemonHarness d = DaemonHarness.start(dir, """
                [program:good]
                command=/bin/sh -c 'exit 3'
                startsecs=0
                exitcodes=0,3
                autorestart=unexpected
                [program:bad]
                command=/bin/sh -c 'exit 4'
                startsecs=0
                exitcodes=0,3
                autorestart=false
                """)) {
            d.awaitLog("INFO exited: good (exit status 3; expected)", T);
            d.awaitLog("WARN exited: bad (exit status 4; not expected)", T);
            // unexpected autorestart does not restart an expected exit; autorestart=false never restarts
            assertThat(d.count(Pattern.compile("spawned: 'good'"))).isEqualTo(1);
            assertThat(d.count(Pattern.compile("spawned: 'bad'"))).isEqualTo(1);
        }
    }

    @Test
    void backoffBecomesFatalAfterStartRetries() throws Exception {
        try (DaemonHarness d = DaemonHarness.start(dir, """
                [program:flappy]
                command=/bin/false
                startretries=2
                """)) {
            d.awaitLog("INFO gave up: flappy entered FATAL state, too many start retries too quickly", T);
            // attempts = startretries + 1, each exit "too quickly" and so never expected
            assertThat(d.count(Pattern.compile("spawned: 'flappy'"))).isEqualTo(3);
            assertThat(d.count(Pattern.compile("WARN exited: flappy \\(exit status 1; not expected\\)")))
                    .isEqualTo(3);
        }
    }

    @Test
    void spawnErrorsUseSupervisorsTexts() throws Exception {
        try (DaemonHarness d = DaemonHarness.start(dir, """
                [program:missing]
                command=/nonexistent/prog
                startretries=0
                [program:nodir]
                command=/bin/true
                directory=/nonexistent/dir
                startretries=0
                """)) {
            d.awaitLog("INFO spawnerr: can't find command '/nonexistent/prog'", T);
            d.awaitLog("INFO gave up: missing entered FATAL state", T);
            d.awaitLog("WARN exited: nodir (exit status 127; not expected)", T);
            java.nio.file.Path stderr = Await.value("nodir's stderr log", T, () -> {
                try (var files = java.nio.file.Files.list(dir)) {
                    return files.filter(p -> p.getFileName().toString().startsWith("nodir-stderr---")).findFirst()
                            .orElse(null);
                } catch (java.io.IOException e) {
                    return null;
                }
            });
            Await.until("chdir message in nodir's stderr", T, () -> read(stderr).equals(
                    "supervisor: couldn't chdir to /nonexistent/dir: ENOENT\n"
                            + "supervisor: child process was not spawned\n"));
        }
    }

    @Test
    void termIgnoringChildIsKilledAfterStopwaitsecs() throws Exception {
        try (DaemonHarness d = DaemonHarness.start(dir, """
                [program:stubborn]
                command=/bin/sh -c 'trap "" TERM; while true; do sleep 0.1; done'
                startsecs=0
                stopwaitsecs=1
                """)) {
            d.awaitLog("success: stubborn entered RUNNING state", T);
            long pid = d.pidOf("stubborn");
            d.signal("TERM");
            assertThat(d.awaitExit(T)).isZero();
            assertThat(d.log()).contains("WARN killing 'stubborn' (" + pid + ") with SIGKILL")
                    .contains("WARN stopped: stubborn (terminated by SIGKILL)");
            assertThat(d.noChildLeft()).isTrue();
        }
    }

    @Test
    void stopasgroupReachesGrandchildren() throws Exception {
        java.nio.file.Path marker = dir.resolve("grandchild.pid");
        try (DaemonHarness d = DaemonHarness.start(dir, """
                [program:parent]
                command=/bin/sh -c 'sleep 1000 & echo $! > %s; wait'
                startsecs=0
                stopasgroup=true
                """.formatted(marker))) {
            long grandchild = Await.value("grandchild pid", T, () -> {
                String s = read(marker).strip();
                return s.isEmpty() ? null : Long.parseLong(s);
            });
            assertThat(ProcessHandle.of(grandchild)).isPresent();
            d.signal("TERM");
            assertThat(d.awaitExit(T)).isZero();
            Await.until("grandchild gone", T, () -> ProcessHandle.of(grandchild).map(h -> !h.isAlive()).orElse(true));
        }
    }

    @Test
    void priorityOrdersStartAndShutdown() throws Exception {
        try (DaemonHarness d = DaemonHarness.start(dir, """
                [program:first]
                command=/bin/sleep 1000
                priority=1
                startsecs=0
                [program:last]
                command=/bin/sleep 1000
                priority=2
                startsecs=0
                """)) {
            d.awaitLog("success: last entered RUNNING", T);
            String log = d.log();
            assertThat(log.indexOf("spawned: 'first'")).isLessThan(log.indexOf("spawned: 'last'"));
            d.signal("TERM");
            assertThat(d.awaitExit(T)).isZero();
            log = d.log();
            assertThat(log.indexOf("stopped: last")).isGreaterThan(0).isLessThan(log.indexOf("stopped: first"));
        }
    }

    @Test
    void numprocsNamesEachProcess() throws Exception {
        try (DaemonHarness d = DaemonHarness.start(dir, """
                [program:w]
                command=/bin/sleep 1000
                numprocs=3
                numprocs_start=1
                process_name=%(program_name)s_%(process_num)02d
                startsecs=0
                """)) {
            d.awaitLog("success: w_03 entered RUNNING", T);
            assertThat(d.log()).contains("spawned: 'w_01'", "spawned: 'w_02'", "spawned: 'w_03'");
        }
    }

    static String read(java.nio.file.Path p) {
        try {
            return java.nio.file.Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
