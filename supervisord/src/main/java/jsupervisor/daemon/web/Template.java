package jsupervisor.daemon.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One page template from the jar ({@code src/main/resources/jsupervisor/daemon/web/}): HTML with {@code {{slot}}}
 * markers. Rendering fills every slot with a fragment that is already HTML (built with {@link Html#escape}), so a
 * template never sees raw outside text. Parsed once; immutable and thread-safe.
 */
final class Template {
    private final String name;
    private final List<String> literals;
    private final List<String> slots;

    private Template(String name, List<String> literals, List<String> slots) {
        this.name = name;
        this.literals = literals;
        this.slots = slots;
    }

    /** Loads {@code resource} next to this class; a missing resource is a packaging bug. */
    static Template load(String resource) {
        try (InputStream in = Template.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template " + resource + " is missing from the jar");
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Template parse(String name, String text) {
        List<String> literals = new ArrayList<>();
        List<String> slots = new ArrayList<>();
        int at = 0;
        while (true) {
            int open = text.indexOf("{{", at);
            if (open < 0) {
                literals.add(text.substring(at));
                return new Template(name, List.copyOf(literals), List.copyOf(slots));
            }
            int close = text.indexOf("}}", open);
            if (close < 0) {
                throw new IllegalArgumentException(name + ": unclosed {{ at " + open);
            }
            literals.add(text.substring(at, open));
            slots.add(text.substring(open + 2, close).strip());
            at = close + 2;
        }
    }

    /** The slot names, for tests. */
    Set<String> slots() {
        return new TreeSet<>(slots);
    }

    /** Fills every slot; a slot without a value is a programming error. */
    String render(Map<String, String> html) {
        StringBuilder out = new StringBuilder(literals.stream().mapToInt(String::length).sum() + 1024);
        for (int i = 0; i < slots.size(); i++) {
            out.append(literals.get(i));
            String value = html.get(slots.get(i));
            if (value == null) {
                throw new IllegalArgumentException(name + ": no value for {{" + slots.get(i) + "}}");
            }
            out.append(value);
        }
        return out.append(literals.getLast()).toString();
    }
}
