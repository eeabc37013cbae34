package jsupervisor.common.ini;

/**
 * Python's {@code repr()} of a {@code str}, which many Supervisor messages embed ({@code 'text'}, or
 * {@code "it's"} when the text has a single quote and no double quote). Stateless.
 */
public final class PythonRepr {
    private PythonRepr() {}

    public static String of(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else if (c >= 0x80 && c < 0xa0 || c == 0xad) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append(quote).toString();
    }

    /** repr of a Python list of strings: {@code ['a', 'b']}. */
    public static String ofList(java.util.List<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(of(items.get(i)));
        }
        return b.append(']').toString();
    }
}
