package jsupervisor.it.ctl;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jsupervisor.it.Launchers;

/**
 * A supervisorctl to run: the reference ({@code /usr/bin/supervisorctl}) or ours ({@code bin/supervisorctl}).
 * Runs are bounded in time and started with SIGINT at its default disposition (through a tiny Python
 * wrapper), so Ctrl-C tests work even when the build runs as a background job.
 */
enum Client {
    REFERENCE(Path.of("/usr/bin/supervisorctl")),
    OURS(Launchers.bin("supervisorctl"));

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String DEFAULT_SIGINT =
            "import signal,os,sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])";

    final Path path;

    Client(Path path) {
        this.path = path;
    }

    /** What one run left behind. */
    record Result(int exitCode, String stdout, String stderr) {}

    List<String> command(List<String> args) {
        List<String> c = new ArrayList<>(List.of("/usr/bin/python3", "-c", DEFAULT_SIGINT, path.toString()));
        c.addAll(args);
        return c;
    }

    /** Runs with {@code stdin} as input (may be empty) in {@code cwd}. */
    Result run(Path cwd, String stdin, List<String> args) throws IOException, InterruptedException {
        Path in = Files.createTempFile(cwd, "in", ".txt");
        Path out = Files.createTempFile(cwd, "out", ".txt");
        Path err = Files.createTempFile(cwd, "err", ".txt");
        try {
            Files.writeString(in, stdin, StandardCharsets.UTF_8);
            Process p = start(cwd, args, in, out, err);
            if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(this + " timed out: " + args);
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    Process start(Path cwd, List<String> args, Path in, Path out, Path err) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(args)).directory(cwd.toFile())
                .redirectInput(in == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                        : ProcessBuilder.Redirect.from(in.toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("LANG", "C.UTF-8");
        return pb.start();
    }
}
