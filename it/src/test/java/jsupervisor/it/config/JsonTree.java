package jsupervisor.it.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paths into, and differences between, trees of {@link Json} values (Map, List, String, Number,
 * Boolean, null).
 *
 * <p>A path is written as in the failure messages, e.g. {@code groups[2].processes[0].stopsignal}.
 * Numbers compare by value whatever their boxed type (our dump may use Integer where the reference
 * has Long). Stateless.
 */
public final class JsonTree {
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)\\]");

    private JsonTree() {}

    /** The value at {@code path}; throws IllegalArgumentException naming the path if it is absent. */
    public static Object get(Object root, String path) {
        Object node = root;
        Matcher m = SEGMENT.matcher(path);
        int consumed = 0;
        StringBuilder walked = new StringBuilder();
        while (m.find()) {
            String between = path.substring(consumed, m.start());
            if (!between.isEmpty() && !between.equals(".")) {
                throw new IllegalArgumentException("bad path " + path);
            }
            consumed = m.end();
            if (m.group(1) != null) {
                String key = m.group(1);
                walked.append(walked.isEmpty() ? "" : ".").append(key);
                if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                    throw new IllegalArgumentException("no " + walked + " in " + render(root));
                }
                node = map.get(key);
            } else {
                int index = Integer.parseInt(m.group(2));
                walked.append('[').append(index).append(']');
                if (!(node instanceof List<?> list) || index >= list.size()) {
                    throw new IllegalArgumentException("no " + walked + " in " + render(root));
                }
                node = list.get(index);
            }
        }
        if (consumed != path.length()) {
            throw new IllegalArgumentException("bad path " + path);
        }
        return node;
    }

    /**
     * Every difference between the two trees, as {@code <path>: reference <v>, ours <v>}, in
     * document order (the reference's key order); a key or element only one side has shows the
     * other side as {@code (missing)}.
     */
    public static List<String> differences(Object reference, Object ours) {
        List<String> out = new ArrayList<>();
        diff("", reference, ours, out);
        return out;
    }

    /** True when both are equal as JSON values (numbers by value). */
    public static boolean same(Object a, Object b) {
        return differences(a, b).isEmpty();
    }

    private static void diff(String path, Object ref, Object ours, List<String> out) {
        if (ref instanceof Map<?, ?> rm && ours instanceof Map<?, ?> om) {
            TreeSet<String> extra = new TreeSet<>();
            om.keySet().forEach(k -> extra.add(String.valueOf(k)));
            for (Map.Entry<?, ?> e : rm.entrySet()) {
                String key = String.valueOf(e.getKey());
                String child = path.isEmpty() ? key : path + "." + key;
                extra.remove(key);
                if (!om.containsKey(key)) {
                    out.add(child + ": reference " + render(e.getValue()) + ", ours (missing)");
                } else {
                    diff(child, e.getValue(), om.get(key), out);
                }
            }
            for (String key : extra) {
                String child = path.isEmpty() ? key : path + "." + key;
                out.add(child + ": reference (missing), ours " + render(om.get(key)));
            }
        } else if (ref instanceof List<?> rl && ours instanceof List<?> ol) {
            for (int i = 0; i < Math.max(rl.size(), ol.size()); i++) {
                String child = path + "[" + i + "]";
                if (i >= ol.size()) {
                    out.add(child + ": reference " + render(rl.get(i)) + ", ours (missing)");
                } else if (i >= rl.size()) {
                    out.add(child + ": reference (missing), ours " + render(ol.get(i)));
                } else {
                    diff(child, rl.get(i), ol.get(i), out);
                }
            }
        } else if (!scalarEquals(ref, ours)) {
            out.add((path.isEmpty() ? "(root)" : path) + ": reference " + render(ref) + ", ours " + render(ours));
        }
    }

    private static boolean scalarEquals(Object a, Object b) {
        if (a instanceof Number na && b instanceof Number nb) {
            boolean integral = isIntegral(na) && isIntegral(nb);
            return integral ? na.longValue() == nb.longValue() : na.doubleValue() == nb.doubleValue();
        }
        return a == null ? b == null : a.equals(b);
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    /** A compact JSON rendering, for messages. */
    public static String render(Object v) {
        StringBuilder sb = new StringBuilder();
        render(v, sb);
        return sb.toString();
    }

    private static void render(Object v, StringBuilder sb) {
        switch (v) {
            case null -> sb.append("null");
            case String s -> {
                sb.append('"');
                for (char c : s.toCharArray()) {
                    switch (c) {
                        case '"' -> sb.append("\\\"");
                        case '\\' -> sb.append("\\\\");
                        case '\n' -> sb.append("\\n");
                        case '\t' -> sb.append("\\t");
                        default -> {
                            if (c < 0x20) {
                                sb.append(String.format("\\u%04x", (int) c));
                            } else {
                                sb.append(c);
                            }
                        }
                    }
                }
                sb.append('"');
            }
            case Map<?, ?> m -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    sb.append(first ? "" : ", ");
                    first = false;
                    render(String.valueOf(e.getKey()), sb);
                    sb.append(": ");
                    render(e.getValue(), sb);
                }
                sb.append('}');
            }
            case List<?> l -> {
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    sb.append(i == 0 ? "" : ", ");
                    render(l.get(i), sb);
                }
                sb.append(']');
            }
            default -> sb.append(v);
        }
    }
}
