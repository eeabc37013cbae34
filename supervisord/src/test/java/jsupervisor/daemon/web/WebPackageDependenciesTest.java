package jsupervisor.daemon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The web UI is an edge like the RPC route: it serves through {@code http} and reaches the supervisor only through
 * the RPC registry ({@code rpc}), never the loop, the process table or the OS.
 */
class WebPackageDependenciesTest {
    private static final Path SOURCES = Path.of("src/main/java/jsupervisor/daemon/web");
    private static final List<String> ALLOWED = List.of("import java.", "import javax.crypto.",
            "import jsupervisor.common.", "import jsupervisor.daemon.http.", "import jsupervisor.daemon.web.",
            "import jsupervisor.daemon.rpc.RpcRegistry;", "import jsupervisor.daemon.rpc.RpcAnswer;");

    @Test
    void importsOnlyTheJdkCommonHttpAndTheRpcRegistry() throws IOException {
        List<String> offending;
        try (Stream<Path> files = Files.list(SOURCES)) {
            offending = files.filter(f -> f.toString().endsWith(".java")).flatMap(WebPackageDependenciesTest::imports)
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
