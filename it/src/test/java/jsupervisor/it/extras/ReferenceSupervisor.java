package jsupervisor.it.extras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Loads a configuration file with the real Supervisor 4.2.5 (Python) to prove it parses cleanly.
 *
 * <p>Runs {@code ServerOptions().realize(['-c', file])} and {@code process_config()}, which is what
 * supervisord does at start-up short of opening sockets, and prints one {@code group process} line per
 * configured process. Any config error makes realize() print a usage error and exit 2.
 */
final class ReferenceSupervisor {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path PACKAGE = Path.of("/usr/lib/python3/dist-packages/supervisor/options.py");

    private static final String LOADER = """
            import sys
            from supervisor.options import ServerOptions, ClientOptions
            options = ServerOptions()
            options.realize(['-c', sys.argv[1]])
            options.process_config()
            ClientOptions().realize(['-c', sys.argv[1]])
            for group in options.process_group_configs:
                for process in group.process_configs:
                    print(group.name, process.name)
            """;

    private ReferenceSupervisor() {}

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(PYTHON) && Files.isRegularFile(PACKAGE),
                "the reference Supervisor 4.2.5 is not installed");
    }

    /**
     * Loads {@code config} and returns its processes as {@code group:process} (sorted as supervisord
     * sorts groups). Fails the test with the reference's own error text if the file does not load.
     */
    static List<String> load(Path config, Path workDir) {
        BoundedRun run = BoundedRun.run(workDir, Duration.ofSeconds(30),
                List.of(PYTHON.toString(), "-c", LOADER, config.toAbsolutePath().toString()));
        assertThat(run.exitCode())
                .as("reference Supervisor loading %s; stderr: %s stdout: %s", config, run.stderr(), run.stdoutText())
                .isZero();
        return run.stdoutText().lines().map(line -> line.replace(' ', ':')).toList();
    }
}
