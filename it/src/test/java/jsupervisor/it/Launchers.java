package jsupervisor.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the programs of this checkout ({@code bin/...}) and the reference Supervisor as short-lived commands,
 * capturing stdout, stderr and the exit status. Every run is bounded: a command still running at its timeout
 * is killed by its pid (and its descendants), and the run fails.
 */
public final class Launchers {
    /** What a finished command left behind. */
    public record Result(int exitCode, String stdout, String stderr) {}

    private Launchers() {}

    /** The checkout root, passed by failsafe as {@code jsupervisor.root}. */
    public static Path root() {
        String r = System.getProperty("jsupervisor.root");
        if (r == null) {
            throw new IllegalStateException("system property jsupervisor.root is not set (run through mvn verify)");
        }
        return Path.of(r);
    }

    /** A launcher of this checkout, e.g. {@code bin("supervisord")}. */
    public static Path bin(String program) {
        return root().resolve("bin").resolve(program);
    }

    /** Runs {@code command} in {@code cwd} with extra environment, waiting at most {@code timeout}. */
    public static Result run(List<String> command, Path cwd, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("jsup-out", ".txt");
        Path err = Files.createTempFile("jsup-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(cwd.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("timed out after " + timeout + ": " + command);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
