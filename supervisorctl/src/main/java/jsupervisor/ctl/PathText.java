package jsupervisor.ctl;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The {@code os.path} functions supervisorctl uses on path strings: {@code dirname}, {@code join} and
 * {@code normpath(abspath(expanduser(p)))}. Pure string work, as in Python. Stateless.
 */
final class PathText {
    private PathText() {}

    /** {@code os.path.dirname}. */
    static String dirname(String p) {
        int i = p.lastIndexOf('/') + 1;
        String head = p.substring(0, i);
        String trimmed = stripTrailingSlashes(head);
        return trimmed.isEmpty() ? head : trimmed; // a head of slashes only stays as it is
    }

    /** {@code s.rstrip('/')}, without a regex (they cost a cold JVM several milliseconds to compile). */
    private static String stripTrailingSlashes(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(0, end);
    }

    /** {@code os.path.join(a, b)} for a relative {@code b}. */
    static String join(String a, String b) {
        if (a.isEmpty() || a.endsWith("/")) {
            return a + b;
        }
        return a + "/" + b;
    }

    /** supervisor's {@code normalize_path}; {@code env} is read only for a {@code ~} path ({@code HOME}). */
    static String normalize(String p, String cwd, java.util.Map<String, String> env) {
        if (p.startsWith("~")) {
            int slash = p.indexOf('/');
            String user = slash < 0 ? p.substring(1) : p.substring(1, slash);
            if (user.isEmpty()) {
                String home = env.get("HOME");
                if (home == null) {
                    home = System.getProperty("user.home");
                }
                p = stripTrailingSlashes(home) + (slash < 0 ? "" : p.substring(slash));
                if (p.isEmpty()) {
                    p = "/";
                }
            }
        }
        if (!p.startsWith("/")) {
            p = join(cwd, p);
        }
        return normpath(p);
    }

    /** {@code posixpath.normpath} of an absolute path. */
    static String normpath(String p) {
        String initial = p.startsWith("//") && !p.startsWith("///") ? "//" : "/";
        Deque<String> parts = new ArrayDeque<>();
        for (String c : p.split("/")) {
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                }
                continue;
            }
            parts.addLast(c);
        }
        return initial + String.join("/", parts);
    }
}
