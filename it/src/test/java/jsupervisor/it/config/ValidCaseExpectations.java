package jsupervisor.it.config;

import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;

/**
 * The pinned values of a valid case: its optional {@code NNN-name.expect} file, one
 * {@code <path> = <JSON value>} per line ({@code #} starts a comment line, {@code @DIR@} is the
 * case directory). They state, in the dump schema, what REFERENCE.md says the reference does,
 * and ReferenceConfigDumpIT checks that it does. Immutable.
 */
public record ValidCaseExpectations(List<Expectation> expectations) {
    /** One pinned value. */
    public record Expectation(int line, String path, Object value) {}

    /** Parses the case's .expect file (none: no expectations). */
    public static ValidCaseExpectations of(ConfigCase c, Path dir) {
        List<Expectation> list = new ArrayList<>();
        String text = c.read("expect").orElse("");
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int eq = t.indexOf(" = ");
            if (eq < 0) {
                throw new IllegalArgumentException(c + ".expect line " + n + ": expected '<path> = <json>'");
            }
            String json = t.substring(eq + 3).replace(ConfigCase.DIR, dir.toString());
            list.add(new Expectation(n, t.substring(0, eq).strip(), Json.parse(json)));
        }
        return new ValidCaseExpectations(List.copyOf(list));
    }

    /** A message per expectation {@code dump} does not meet; empty when all hold. */
    public List<String> unmet(Object dump) {
        List<String> out = new ArrayList<>();
        for (Expectation e : expectations) {
            Object actual;
            try {
                actual = JsonTree.get(dump, e.path());
            } catch (IllegalArgumentException missing) {
                out.add("line " + e.line() + ": " + missing.getMessage());
                continue;
            }
            if (!JsonTree.same(e.value(), actual)) {
                out.add("line " + e.line() + ": " + e.path() + " expected " + JsonTree.render(e.value())
                        + " but was " + JsonTree.render(actual));
            }
        }
        return out;
    }
}
