package jsupervisor.daemon.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code environment=} value parser: Python {@code shlex} in non-POSIX mode (word characters extended with
 * {@code /.+-():}) followed by Supervisor's take-three-skip-one pairing, quirks included: {@code X=$HOME} gives
 * {@code '$'}, {@code A=a b} gives {@code 'a'}, the separator token is never checked, and surrounding quotes are
 * stripped from each value. Mirrors {@code supervisor.datatypes.dict_of_key_value_pairs}. Stateless.
 */
public final class KeyValuePairs {
    private static final String WORD_CHARS =
            "abcdfeghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_/.+-():";
    private static final String WHITESPACE = " \t\r\n";
    private static final String QUOTES = "'\"";

    private KeyValuePairs() {}

    /** Parses {@code KEY=val,KEY2="v 2"} into an ordered map. */
    public static Map<String, String> parse(String arg) throws InvalidValueException {
        List<String> tokens = tokenize(arg);
        Map<String, String> result = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i += 4) {
            if (i + 3 > tokens.size() || !tokens.get(i + 1).equals("=")) {
                throw new InvalidValueException("Unexpected end of key/value pairs in value '" + arg + "'");
            }
            result.put(tokens.get(i), stripQuotes(tokens.get(i + 2)));
        }
        return result;
    }

    private static String stripQuotes(String v) {
        int start = 0;
        int end = v.length();
        while (start < end && QUOTES.indexOf(v.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && QUOTES.indexOf(v.charAt(end - 1)) >= 0) {
            end--;
        }
        return v.substring(start, end);
    }

    /** Non-POSIX shlex tokens, stopping at the first empty token as shlex's iterator does. */
    static List<String> tokenize(String s) throws InvalidValueException {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (WHITESPACE.indexOf(c) >= 0) {
                i++;
            } else if (c == '#') {
                i = skipLine(s, i);
            } else if (QUOTES.indexOf(c) >= 0) {
                int close = s.indexOf(c, i + 1);
                if (close < 0) {
                    throw new InvalidValueException("No closing quotation");
                }
                tokens.add(s.substring(i, close + 1));
                i = close + 1;
            } else if (WORD_CHARS.indexOf(c) >= 0) {
                StringBuilder word = new StringBuilder();
                while (i < n) {
                    char w = s.charAt(i);
                    if (w == '#') {
                        // non-POSIX shlex drops the rest of the line but stays inside the word
                        i = skipLine(s, i);
                    } else if (WORD_CHARS.indexOf(w) >= 0 || QUOTES.indexOf(w) >= 0) {
                        word.append(w);
                        i++;
                    } else {
                        break;
                    }
                }
                tokens.add(word.toString());
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }

    private static int skipLine(String s, int from) {
        int nl = s.indexOf('\n', from);
        return nl < 0 ? s.length() : nl + 1;
    }
}
