package jsupervisor.daemon.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where supervisord (and supervisorctl) look for a config file when {@code -c} is not given: relative to the
 * program's installation ({@code HERE = dirname(dirname(argv0))}), then the working directory, then
 * {@code /etc}. The first path that exists wins. Stateless.
 */
public final class ConfigFileSearch {
    private ConfigFileSearch() {}

    /** The search list, in order, as Supervisor builds it from argv0. */
    public static List<String> searchPaths(String argv0) {
        String here = dirname(dirname(argv0));
        return List.of(join(here, "etc/supervisord.conf"), join(here, "supervisord.conf"), "supervisord.conf",
                "etc/supervisord.conf", "/etc/supervisord.conf", "/etc/supervisor/supervisord.conf");
    }

    /** The first existing path of the list, resolved against {@code cwd} where relative. */
    public static Optional<String> find(List<String> paths, Path cwd) {
        for (String p : paths) {
            Path path = Path.of(p);
            if (Files.exists(path.isAbsolute() ? path : cwd.resolve(path))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Python {@code os.path.dirname}. */
    static String dirname(String p) {
        int i = p.lastIndexOf('/') + 1;
        String head = p.substring(0, i);
        if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) {
            head = head.replaceAll("/+$", "");
        }
        return head;
    }

    /** Python {@code os.path.join(a, b)} for a relative {@code b}. */
    static String join(String a, String b) {
        if (a.isEmpty() || a.endsWith("/")) {
            return a + b;
        }
        return a + "/" + b;
    }
}
