package jsupervisor.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Pins DESIGN.md's rule for this package: "http knows a Route interface and nothing else". It may read the
 * server section records from config and use common; never rpc, loop, process, posix or logging.
 */
class HttpPackageDependenciesTest {
    private static final Path SOURCES = Path.of("src/main/java/jsupervisor/daemon/http");
    private static final List<String> ALLOWED = List.of("import java.", "import static java.",
            "import jsupervisor.daemon.config.HttpServerConfig;", "import jsupervisor.common.",
            "import jsupervisor.daemon.http.");

    @Test
    void importsOnlyTheJdkCommonAndServerConfig() throws IOException {
        List<String> offending;
        try (Stream<Path> files = Files.list(SOURCES)) {
            offending = files.filter(f -> f.toString().endsWith(".java")).flatMap(HttpPackageDependenciesTest::imports)
                    .filter(entry -> ALLOWED.stream().noneMatch(entry.substring(entry.indexOf(": ") + 2)::startsWith))
                    .toList();
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void noFfmInThisPackage() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            assertThat(files.flatMap(HttpPackageDependenciesTest::imports))
                    .noneMatch(line -> line.contains("java.lang.foreign"));
        }
    }

    private static Stream<String> imports(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith("import "))
                    .map(l -> file.getFileName() + ": " + l);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
