package jsupervisor.daemon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import jsupervisor.daemon.PackageImports;

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
        assertThat(PackageImports.outside(SOURCES, ALLOWED)).isEmpty();
    }
}
