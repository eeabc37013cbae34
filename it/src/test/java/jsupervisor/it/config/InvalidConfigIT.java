package jsupervisor.it.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every invalid configuration under {@code config/invalid/} is a usage error, word for word.
 *
 * <p>For each case both halves run {@code supervisord -n -c <dir>/supervisord.conf [args]} in the
 * case directory with {@link CaseEnvironment} and expect exit status 2, empty stdout, and:
 * <ul>
 *   <li>the reference ({@code /usr/bin/python3 /usr/bin/supervisord}): stderr equal to the
 *       recorded {@code .err}, which keeps the corpus honest (skipped if the reference is not
 *       installed; re-record with record_reference_errors.py);</li>
 *   <li>ours ({@code <root>/bin/supervisord}): the same text, plus the {@code .where} line (our
 *       errors always name file, line, section and option) just before the final
 *       {@code For help, use <argv0> -h} line.</li>
 * </ul>
 */
class InvalidConfigIT {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final String REFERENCE_ARGV0 = "/usr/bin/supervisord";
    static final String ARGV0 = "@ARGV0@";

    static Stream<ConfigCase> cases() {
        return ConfigCase.all("invalid").stream();
    }

    @Test
    void corpusIsComplete() {
        List<ConfigCase> all = ConfigCase.all("invalid");
        assertThat(all).hasSizeGreaterThanOrEqualTo(60);
        assertThat(all.stream().filter(c -> c.read("args").isPresent())).hasSizeGreaterThanOrEqualTo(10);
        for (ConfigCase c : all) {
            assertThat(c.read("err")).as("%s.err", c).isPresent();
            c.read("where").ifPresent(w -> assertThat(w)
                    .as("%s.where", c)
                    .matches("  where: \\S+( line [1-9][0-9]*, section \\[[^\\]]+\\](, option \\S+)?)?\\n"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void referenceRejectsCaseWithRecordedError(ConfigCase c, @TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(PYTHON) && Files.exists(Path.of(REFERENCE_ARGV0)),
                "reference supervisord 4.2.5 is not installed");
        Path dir = tmp.resolve("case");
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), REFERENCE_ARGV0));
        BoundedRun.Result result = runCase(c, dir, command, tmp);

        assertThat(result.stderr()).as("reference stderr for %s", c)
                .isEqualTo(expand(c.read("err").orElseThrow(), dir, REFERENCE_ARGV0));
        assertThat(result.exitStatus()).as("reference exit status for %s", c).isEqualTo(2);
        assertThat(result.stdout()).as("reference stdout for %s", c).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oursRejectsCaseWithReferenceErrorAndLocation(ConfigCase c, @TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("case");
        String argv0 = ourLauncher().toString();
        BoundedRun.Result result = runCase(c, dir, new ArrayList<>(List.of(argv0)), tmp);

        assertThat(result.stderr()).as("our stderr for %s", c)
                .isEqualTo(expand(expectedOurs(c), dir, argv0));
        assertThat(result.exitStatus()).as("our exit status for %s", c).isEqualTo(2);
        assertThat(result.stdout()).as("our stdout for %s", c).isEmpty();
    }

    /** The .err text with the .where line (if any) inserted before its final "For help" line. */
    static String expectedOurs(ConfigCase c) {
        String err = c.read("err").orElseThrow();
        String where = c.read("where").orElse("");
        if (where.isEmpty()) {
            return err;
        }
        int last = err.lastIndexOf("For help, use ");
        assertThat(last).as("%s.err ends with a For help line", c).isPositive();
        return err.substring(0, last) + where + err.substring(last);
    }

    static Path ourLauncher() {
        String root = System.getProperty("jsupervisor.root");
        assertThat(root).as("system property jsupervisor.root (set by failsafe)").isNotNull();
        return Path.of(root).resolve("bin").resolve("supervisord");
    }

    private static BoundedRun.Result runCase(ConfigCase c, Path dir, List<String> command, Path tmp)
            throws Exception {
        Path conf = c.materialize(dir);
        command.addAll(List.of("-n", "-c", conf.toString()));
        command.addAll(c.args(dir));
        return BoundedRun.run(command, dir, CaseEnvironment.forDirectory(dir), tmp.resolve("output"));
    }

    private static String expand(String expected, Path dir, String argv0) {
        return expected.replace(ConfigCase.DIR, dir.toString()).replace(ARGV0, argv0);
    }
}
