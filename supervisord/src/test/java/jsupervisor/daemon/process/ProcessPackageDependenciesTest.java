package jsupervisor.daemon.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import jsupervisor.daemon.PackageImports;

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
        assertThat(PackageImports.outside(SOURCES, ALLOWED)).isEmpty();
    }
}
