package jsupervisor.it.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the reference Supervisor 4.2.5 parses from a config file: runs {@code dump_reference.py}
 * (schema documented at its top) with {@code /usr/bin/python3} in the config's directory and the
 * {@link CaseEnvironment}, and returns its JSON as Map/List/String/Long/Boolean/null. Stateless.
 */
public final class ReferenceConfigDump {
    public static final Path PYTHON = Path.of("/usr/bin/python3");
    public static final Path SUPERVISOR_PACKAGE = Path.of("/usr/lib/python3/dist-packages/supervisor/options.py");

    private ReferenceConfigDump() {}

    /** True when the reference is installed where the corpus expects it. */
    public static boolean available() {
        return Files.isExecutable(PYTHON) && Files.exists(SUPERVISOR_PACKAGE);
    }

    /** Dumps {@code conf}; fails (AssertionError) with the reference's stderr if it does not load. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> dump(Path conf) throws Exception {
        Path dir = conf.getParent();
        Path script = ConfigCase.resourceFolder("dump_reference.py");
        Path output = Files.createTempDirectory("jsup-dump-");
        try {
            BoundedRun.Result r = BoundedRun.run(List.of(PYTHON.toString(), script.toString(), conf.toString()),
                    dir, CaseEnvironment.forDirectory(dir), output);
            if (r.exitStatus() != 0) {
                throw new AssertionError("reference did not load " + conf + " (exit " + r.exitStatus() + "):\n"
                        + r.stderr());
            }
            return (Map<String, Object>) Json.parse(r.stdout());
        } finally {
            try (var files = Files.list(output)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(output);
        }
    }
}
