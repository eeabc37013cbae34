package jsupervisor.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import jsupervisor.daemon.PackageImports;

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
        assertThat(PackageImports.outside(SOURCES, ALLOWED)).isEmpty();
    }

    @Test
    void noFfmInThisPackage() throws IOException {
        assertThat(PackageImports.of(SOURCES)).noneMatch(line -> line.contains("java.lang.foreign"));
    }
}
