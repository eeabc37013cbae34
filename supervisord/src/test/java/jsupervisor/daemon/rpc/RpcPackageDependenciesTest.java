package jsupervisor.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import jsupervisor.daemon.PackageImports;

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
        assertThat(PackageImports.outside(SOURCES, ALLOWED)).isEmpty();
    }
}
