package jsupervisor.common.ini;

/**
 * Python's notion of whitespace ({@code str.isspace}, {@code str.strip}), which Supervisor's parsing relies on and
 * which differs from {@link String#strip()} for a few control characters. Stateless.
 */
public final class PythonText {
    private PythonText() {}

    /** {@code str.isspace()} for one character. */
    public static boolean isSpace(char c) {
        return switch (c) {
            case ' ', '\t', '\n', '\u000b', '\f', '\r', '\u001c', '\u001d', '\u001e', '\u001f', '\u0085', '\u00a0',
                 '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000' -> true;
            default -> c >= '\u2000' && c <= '\u200a';
        };
    }

    /** {@code s.strip()}. */
    public static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** {@code s.rstrip()}. */
    public static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Index of the first non-whitespace character (configparser's indent level), or 0 if there is none. */
    public static int firstNonSpace(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!isSpace(line.charAt(i))) {
                return i;
            }
        }
        return 0;
    }
}
