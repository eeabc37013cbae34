package jsupervisor.daemon.rpc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The docstrings {@code system.methodHelp} returns, byte for byte as Supervisor 4.2.5 returns them (indentation
 * and trailing whitespace included), recorded from the real daemon into {@code method-docs.tsv}: one method a
 * line, name, tab, the text with {@code \n} and {@code \\} escaped. Immutable after loading.
 */
final class MethodDocs {
    private static final String RESOURCE = "method-docs.tsv";

    private final Map<String, String> docs;

    private MethodDocs(Map<String, String> docs) {
        this.docs = Map.copyOf(docs);
    }

    /**
     * The docstrings, read at the first {@code system.methodHelp} (class initialisation makes that thread-safe)
     * rather than in every daemon's start-up: reading them first opened the daemon's jar, some 6 ms.
     */
    static MethodDocs shared() {
        return Shared.DOCS;
    }

    private static final class Shared {
        static final MethodDocs DOCS = load();
    }

    private static MethodDocs load() {
        try (InputStream in = MethodDocs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Map<String, String> docs = new HashMap<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    docs.put(line.substring(0, tab), unescape(line.substring(tab + 1)));
                }
            }
            return new MethodDocs(docs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    Optional<String> of(String method) {
        return Optional.ofNullable(docs.get(method));
    }
}
