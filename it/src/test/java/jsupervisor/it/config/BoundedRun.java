package jsupervisor.it.config;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command to completion with a fixed environment and a hard time bound.
 *
 * <p>stdout and stderr go to files (no reader threads, no pipe deadlock). If the command is
 * still running after {@link #LIMIT}, it and every descendant it started are killed by pid
 * ({@link ProcessHandle#destroyForcibly()}), and the test fails with what it printed so far:
 * a run never leaves anything behind. There is no sleeping: the caller blocks in
 * {@link Process#waitFor(long, TimeUnit)}.
 */
public final class BoundedRun {
    /** The most any single configuration run may take. */
    public static final Duration LIMIT = Duration.ofSeconds(20);

    /** What a finished run left: its exit status and both output streams, decoded as UTF-8. */
    public record Result(int exitStatus, String stdout, String stderr) {}

    private BoundedRun() {}

    /**
     * Runs {@code command} in {@code workDir} with exactly {@code environment}; output files are
     * created in {@code outputDir}, which must not be the directory under test.
     */
    public static Result run(List<String> command, Path workDir, Map<String, String> environment,
            Path outputDir) throws IOException, InterruptedException {
        Files.createDirectories(outputDir);
        Path out = Files.createTempFile(outputDir, "stdout-", ".txt");
        Path err = Files.createTempFile(outputDir, "stderr-", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().clear();
        pb.environment().putAll(environment);
        Process process = pb.start();
        boolean finished;
        try {
            finished = process.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            if (process.isAlive()) {
                kill(process.toHandle());
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        if (!finished) {
            fail("%s still running after %s (killed pid %d)%nstdout:%n%s%nstderr:%n%s",
                    command, LIMIT, process.pid(), stdout, stderr);
        }
        return new Result(process.exitValue(), stdout, stderr);
    }

    /** Kills a process we started, and its descendants first, each by its own pid. */
    private static void kill(ProcessHandle handle) {
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
    }
}
