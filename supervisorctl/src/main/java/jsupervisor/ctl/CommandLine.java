package jsupervisor.ctl;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's string rules that supervisorctl's parsing relies on: {@code str.strip()}, {@code str.split()} (runs
 * of whitespace) and {@code cmd.Cmd}'s identifier characters for the command word. Stateless.
 */
public final class CommandLine {
    private CommandLine() {}

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c
                || (c >= 0x1c && c <= 0x1f) || c == 0x85 || Character.isSpaceChar(c) && c != 0x200b;
    }

    /** {@code str.strip()}. */
    public static String strip(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && isSpace(s.charAt(b))) {
            b++;
        }
        while (e > b && isSpace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(b, e);
    }

    /** {@code str.split()}. */
    public static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    /** End of the command word: {@code cmd.Cmd.identchars} is ASCII letters, digits and underscore. */
    static int identEnd(String line) {
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                break;
            }
            i++;
        }
        return i;
    }
}
