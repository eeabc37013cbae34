package jsupervisor.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The import lines of one package's sources, for the tests that pin which packages may depend on which. */
public final class PackageImports {
    private PackageImports() {}

    /** Every import line of the {@code .java} files in {@code sources}, as {@code File.java: import x.y;}. */
    public static List<String> of(Path sources) throws IOException {
        try (Stream<Path> files = Files.list(sources)) {
            return files.filter(f -> f.toString().endsWith(".java")).flatMap(PackageImports::imports).toList();
        }
    }

    /** The import lines that start with none of {@code allowed} (prefixes such as {@code "import java."}). */
    public static List<String> outside(Path sources, List<String> allowed) throws IOException {
        return of(sources).stream()
                .filter(entry -> allowed.stream().noneMatch(entry.substring(entry.indexOf(": ") + 2)::startsWith))
                .toList();
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
