package jsupervisor.it.extras;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's example (examples/supervisord.conf) loads in the reference Supervisor with the processes
 * it promises, keeps its runtime files inside the tree, and its programs are executable POSIX sh.
 */
class ExampleConfigIT {
    @TempDir
    Path tmp;

    private final Path examples = Checkout.root().resolve("examples");

    @Test
    void loadsInTheReferenceSupervisorWithTheProcessesTheReadmeDescribes() {
        ReferenceSupervisor.assumeInstalled();

        List<String> processes = ReferenceSupervisor.load(examples.resolve("supervisord.conf"), tmp);

        assertThat(processes).containsExactlyInAnyOrder(
                "clock:tick", "clock:tock", "hello:hello", "worker:worker_0", "worker:worker_1");
    }

    @Test
    void keepsSocketLogsAndPidfileUnderTheIgnoredRunDirectory() throws IOException {
        String conf = Files.readString(examples.resolve("supervisord.conf"));

        assertThat(conf).contains("file=%(here)s/run/supervisor.sock", "serverurl=unix://%(here)s/run/supervisor.sock",
                "logfile=%(here)s/run/supervisord.log", "pidfile=%(here)s/run/supervisord.pid",
                "childlogdir=%(here)s/run");
        assertThat(conf).doesNotContain("/tmp/");
        assertThat(Files.readAllLines(examples.resolve("run/.gitignore"))).contains("*", "!.gitignore");
    }

    @Test
    void protectsTheTcpServerWithLoopbackAndAPassword() throws IOException {
        String conf = Files.readString(examples.resolve("supervisord.conf"));

        assertThat(conf).contains("[inet_http_server]", "port=127.0.0.1:9001", "username=", "password=");
    }

    @Test
    void programsAreExecutableShellScriptsThatParse() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(examples.resolve("programs"))) {
            scripts = files.filter(p -> p.toString().endsWith(".sh")).sorted().toList();
        }
        assertThat(scripts).extracting(p -> p.getFileName().toString())
                .containsExactly("hello.sh", "ticker.sh", "worker.sh");

        for (Path script : scripts) {
            assertThat(Files.isExecutable(script)).as("%s is executable", script).isTrue();
            assertThat(Files.readAllLines(script).getFirst()).isEqualTo("#!/bin/sh");
            BoundedRun syntax = BoundedRun.run(tmp, Duration.ofSeconds(10), List.of("/bin/sh", "-n", script.toString()));
            assertThat(syntax.exitCode()).as("sh -n %s: %s", script, syntax.stderr()).isZero();
        }
    }
}
