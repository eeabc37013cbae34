package jsupervisor.daemon.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code glob.glob} for absolute patterns: {@code *}, {@code ?} and {@code [...]} within one path
 * segment, hidden entries matched only by a pattern segment that starts with a dot, and a pattern without magic
 * characters returned if the path exists. Results are unsorted, as Python's are. Stateless.
 */
final class Glob {
    private Glob() {}

    static List<String> glob(String pattern) {
        List<String> current = new ArrayList<>();
        current.add(pattern.startsWith("/") ? "/" : "");
        for (String segment : pattern.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            List<String> next = new ArrayList<>();
            for (String base : current) {
                next.addAll(expandSegment(base, segment));
            }
            current = next;
            if (current.isEmpty()) {
                break;
            }
        }
        if (pattern.endsWith("/")) {
            current.removeIf(p -> !Files.isDirectory(Path.of(p)));
        }
        return current;
    }

    private static List<String> expandSegment(String base, String segment) {
        String prefix = base.isEmpty() ? "" : base.endsWith("/") ? base : base + "/";
        if (!hasMagic(segment)) {
            String candidate = prefix + segment;
            return Files.exists(Path.of(candidate), LinkOption.NOFOLLOW_LINKS) ? List.of(candidate) : List.of();
        }
        Path dir = Path.of(base.isEmpty() ? "." : base);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + toJavaGlob(segment));
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") && !segment.startsWith(".")) {
                    continue;
                }
                if (matcher.matches(Path.of(name))) {
                    out.add(prefix + name);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }

    private static boolean hasMagic(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    /** Python's fnmatch uses {@code [!...]} for negation and has no braces; Java's glob syntax differs slightly. */
    private static String toJavaGlob(String segment) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            switch (c) {
                case '{', '}', '\\' -> b.append('\\').append(c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
