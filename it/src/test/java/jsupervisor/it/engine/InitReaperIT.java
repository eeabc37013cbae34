package jsupervisor.it.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jsupervisor.it.Await;
import jsupervisor.it.Launchers;

/** As a container's PID 1, supervisord reaps orphans reparented to it and still sees its own children's exits. */
class InitReaperIT {
    private static final Duration T = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void orphansAreReapedAndOwnChildrenKeepTheirStatus() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "a pid namespace needs root");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")), "needs util-linux unshare");
        Path conf = dir.resolve("s.conf");
        Files.writeString(conf, """
                [supervisord]
                logfile=%s/s.log
                pidfile=%s/s.pid
                childlogdir=%s
                [program:orphaner]
                command=/bin/sh -c 'sleep 0.2 & exit 3'
                startsecs=0
                autorestart=false
                """.formatted(dir, dir, dir));
        Process p = new ProcessBuilder("/usr/bin/unshare", "--pid", "--fork", "--mount-proc",
                Launchers.bin("supervisord").toString(), "-n", "-c", conf.toString())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectErrorStream(true).start();
        try {
            Await.until("orphan reaped", T, () -> LifecycleIT.read(dir.resolve("s.log"))
                    .matches("(?s).*INFO reaped unknown pid \\d+ \\(exit status 0\\).*"));
            String log = LifecycleIT.read(dir.resolve("s.log"));
            assertThat(log).contains("supervisord started with pid 1\n")
                    .contains("WARN exited: orphaner (exit status 3; not expected)");
        } finally {
            // unshare forwards nothing: end the namespace's init (our daemon) through unshare's child, by pid
            p.descendants().forEach(ProcessHandle::destroy);
            if (!p.waitFor(T.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }
}
