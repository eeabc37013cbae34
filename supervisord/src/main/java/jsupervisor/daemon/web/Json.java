package jsupervisor.daemon.web;

/**
 * Just enough JSON writing for the web UI's JSON view and action answers (the daemon has no JSON library and
 * needs none). Strings are escaped per RFC 8259, plus {@code <}, {@code >} and {@code &} as {@code \}{@code uXXXX}
 * so that the text stays inert even if a browser were ever talked into reading it as HTML. Stateless.
 */
final class Json {
    private Json() {}

    /** {@code text} as a JSON string literal, quotes included; null becomes {@code null}. */
    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029'
                            || Character.isSurrogate(c) && !validSurrogateAt(text, i)) {
                        out.append(String.format("\\u%04x", Character.isSurrogate(c)
                                && !validSurrogateAt(text, i) ? 0xfffd : (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** True when the surrogate at {@code i} is half of a proper pair (a lone one is not valid UTF-8 later). */
    private static boolean validSurrogateAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** {@code {"message":"..."}} or any one-string object. */
    static String object(String key, String value) {
        return "{" + quote(key) + ":" + quote(value) + "}";
    }
}
