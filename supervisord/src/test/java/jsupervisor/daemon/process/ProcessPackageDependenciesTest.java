package jsupervisor.daemon.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Pins DESIGN.md's dependency rule for this package: it reaches config, the JDK and PythonRepr only, never
 * posix, logging, events or loop (those talk to it through the interfaces declared here).
 */
class ProcessPackageDependenciesTest {
    private static final Path SOURCES = Path.of("src/main/java/jsupervisor/daemon/process");
    private static final List<String> ALLOWED = List.of("import java.", "import static java.",
            "import jsupervisor.daemon.config.", "import jsupervisor.daemon.process.",
            "import static jsupervisor.daemon.process.", "import jsupervisor.common.ini.PythonRepr;");

    @Test
    void importsOnlyConfigAndTheJdk() throws IOException {
        List<String> offending;
        try (Stream<Path> files = Files.list(SOURCES)) {
            offending = files.filter(f -> f.toString().endsWith(".java")).flatMap(ProcessPackageDependenciesTest::imports)
                    .filter(entry -> ALLOWED.stream().noneMatch(entry.substring(entry.indexOf(": ") + 2)::startsWith))
                    .toList();
        }
        assertThat(offending).isEmpty();
    }

    private static Stream<String> imports(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith("import "))
                    .map(l -> file.getFileName() + ": " + l);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
