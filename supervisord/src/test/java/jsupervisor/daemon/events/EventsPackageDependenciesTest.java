package jsupervisor.daemon.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Pins this package's boundaries: it may use config, the public types of process, and common; never loop,
 * logging, posix, rpc or http. And it is loop-confined: no threads, locks or concurrent collections.
 */
class EventsPackageDependenciesTest {
    private static final Path SOURCES = Path.of("src/main/java/jsupervisor/daemon/events");
    private static final List<String> ALLOWED = List.of("import java.", "import static java.",
            "import jsupervisor.common.", "import jsupervisor.daemon.config.", "import jsupervisor.daemon.process.",
            "import jsupervisor.daemon.events.");

    @Test
    void importsOnlyTheJdkCommonConfigAndProcess() {
        assertThat(lines().filter(l -> l.text().startsWith("import "))
                .filter(l -> ALLOWED.stream().noneMatch(l.text()::startsWith)).toList()).isEmpty();
    }

    @Test
    void noThreadsNoLocks() {
        assertThat(lines().filter(l -> l.text().contains("java.util.concurrent") || l.text().contains("synchronized")
                || l.text().contains("new Thread") || l.text().contains("Thread.sleep")).toList()).isEmpty();
    }

    private record Line(String file, String text) {
    }

    private static Stream<Line> lines() {
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream().flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream().map(t -> new Line(f.getFileName().toString(), t));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
