package jsupervisor.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Pins STYLE.md's rule for this package: rpc reaches the loop through {@code LoopAccess} and its companions,
 * reads process and config values, and never touches posix, logging internals, lifecycle or http.
 */
class RpcPackageDependenciesTest {
    private static final Path SOURCES = Path.of("src/main/java/jsupervisor/daemon/rpc");
    private static final List<String> ALLOWED = List.of("import java.", "import static java.",
            "import jsupervisor.common.", "import jsupervisor.daemon.config.", "import jsupervisor.daemon.process.",
            "import jsupervisor.daemon.loop.LoopAccess;", "import jsupervisor.daemon.loop.StateChanges;",
            "import jsupervisor.daemon.loop.StdinWrite;");

    @Test
    void importsOnlyTheLoopSeamProcessConfigAndCommon() throws IOException {
        List<String> offending;
        try (Stream<Path> files = Files.list(SOURCES)) {
            offending = files.filter(f -> f.toString().endsWith(".java")).flatMap(RpcPackageDependenciesTest::imports)
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
            throw new UncheckedIOException(e);
        }
    }
}
