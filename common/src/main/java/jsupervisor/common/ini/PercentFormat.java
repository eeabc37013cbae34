package jsupervisor.common.ini;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Python's {@code str % mapping} formatting, which Supervisor applies to nearly every configuration value
 * ({@code supervisor.options.expand}). Supports {@code %%}, {@code %(name)s} and the printf forms Python
 * accepts ({@code %(process_num)02d}, {@code %(here)-10s}, {@code %(num)x}, ...), with Python's error texts.
 *
 * <p>Values are {@link String}s or {@link Long}/{@link Integer}s. Stateless and thread-safe.
 */
public final class PercentFormat {
    private PercentFormat() {}

    /** A value could not be expanded; the message is Supervisor's, word for word. */
    public static final class ExpansionException extends Exception {
        public ExpansionException(String message) {
            super(message);
        }
    }

    /**
     * {@code supervisor.options.expand(s, expansions, name)}: formats {@code s}, or fails with
     * {@code Format string '<s>' for '<name>' contains names ('<key>') which cannot be expanded. Available
     * names: <sorted names>} or {@code ... is badly formatted: <python message>}.
     */
    public static String expand(String s, Map<String, ?> names, String where) throws ExpansionException {
        try {
            return format(s, names);
        } catch (MissingName e) {
            throw new ExpansionException("Format string " + PythonRepr.of(s) + " for " + PythonRepr.of(where)
                    + " contains names (" + PythonRepr.of(e.name) + ") which cannot be expanded. Available names: "
                    + String.join(", ", new TreeSet<>(names.keySet())));
        } catch (BadFormat e) {
            throw new ExpansionException("Format string " + PythonRepr.of(s) + " for " + PythonRepr.of(where)
                    + " is badly formatted: " + e.getMessage());
        }
    }

    private static final class MissingName extends Exception {
        final String name;

        MissingName(String name) {
            super(name, null, false, false);
            this.name = name;
        }
    }

    private static final class BadFormat extends Exception {
        BadFormat(String message) {
            super(message, null, false, false);
        }
    }

    static String format(String s, Map<String, ?> names) throws MissingName, BadFormat {
        StringBuilder out = new StringBuilder(s.length());
        boolean mappingConsumed = false;
        boolean mappingAsText = false;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            i++;
            if (i >= n) {
                throw new BadFormat("incomplete format");
            }
            String key = null;
            if (s.charAt(i) == '(') {
                int depth = 1;
                int start = ++i;
                while (i < n && depth > 0) {
                    if (s.charAt(i) == '(') {
                        depth++;
                    } else if (s.charAt(i) == ')') {
                        depth--;
                    }
                    i++;
                }
                if (depth > 0) {
                    throw new BadFormat("incomplete format key");
                }
                key = s.substring(start, i - 1);
            }
            List<Character> flags = new ArrayList<>();
            while (i < n && "-+ #0".indexOf(s.charAt(i)) >= 0) {
                flags.add(s.charAt(i++));
            }
            int width = -1;
            if (i < n && s.charAt(i) == '*') {
                throw new BadFormat("* wants int");
            }
            int ws = i;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i > ws) {
                width = Integer.parseInt(s.substring(ws, i));
            }
            int precision = -1;
            if (i < n && s.charAt(i) == '.') {
                i++;
                if (i < n && s.charAt(i) == '*') {
                    throw new BadFormat("* wants int");
                }
                int ps = i;
                while (i < n && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                precision = i > ps ? Integer.parseInt(s.substring(ps, i)) : 0;
            }
            while (i < n && "hlL".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (i >= n) {
                throw new BadFormat("incomplete format");
            }
            char conv = s.charAt(i);
            int convIndex = i;
            i++;
            if (conv == '%') {
                out.append('%');
                continue;
            }
            if ("srabdiuoxXeEfFgGc".indexOf(conv) < 0) {
                throw new BadFormat(String.format("unsupported format character '%c' (0x%x) at index %d",
                        conv, (int) conv, convIndex));
            }
            if (key == null) {
                // Python hands the whole mapping to the first unnamed conversion, and has nothing for a second
                if (mappingConsumed) {
                    throw new BadFormat("not enough arguments for format string");
                }
                mappingConsumed = true;
                if ("sra".indexOf(conv) >= 0) {
                    mappingAsText = true; // Python would succeed here; we refuse at the end (see below)
                } else {
                    convertMapping(conv);
                }
                continue;
            }
            if (!names.containsKey(key)) {
                throw new MissingName(key);
            }
            out.append(convert(names.get(key), conv, flags, width, precision));
        }
        if (mappingAsText) {
            // Python prints its repr of the whole expansion dict; no configuration means that on purpose
            throw new BadFormat("format requires a mapping key, as in %(name)s");
        }
        return out.toString();
    }

    private static String convert(Object value, char conv, List<Character> flags, int width, int precision)
            throws BadFormat {
        boolean left = flags.contains('-');
        boolean zero = flags.contains('0') && !left;
        String body;
        switch (conv) {
            case 's', 'a' -> body = String.valueOf(value);
            case 'r' -> body = value instanceof String str ? PythonRepr.of(str) : String.valueOf(value);
            case 'd', 'i', 'u', 'o', 'x', 'X' -> body = integer(value, conv, flags);
            case 'e', 'E', 'f', 'F', 'g', 'G' -> body = real(value, conv, precision);
            case 'c' -> body = character(value);
            default -> throw new BadFormat("unsupported format character");
        }
        if ((conv == 's' || conv == 'r' || conv == 'a') && precision >= 0 && body.length() > precision) {
            body = body.substring(0, precision);
        }
        if (width > body.length()) {
            int pad = width - body.length();
            boolean numeric = "diuoxXeEfFgG".indexOf(conv) >= 0;
            if (left) {
                body = body + " ".repeat(pad);
            } else if (zero && numeric) {
                int signLen = body.startsWith("-") || body.startsWith("+") || body.startsWith(" ") ? 1 : 0;
                body = body.substring(0, signLen) + "0".repeat(pad) + body.substring(signLen);
            } else {
                body = " ".repeat(pad) + body;
            }
        }
        return body;
    }

    /** An unnamed numeric conversion applied to the mapping itself fails, with Python's texts. */
    private static void convertMapping(char conv) throws BadFormat {
        switch (conv) {
            case 'd', 'i', 'u' -> throw new BadFormat("%" + conv + " format: a real number is required, not dict");
            case 'o', 'x', 'X' -> throw new BadFormat("%" + conv + " format: an integer is required, not dict");
            case 'e', 'E', 'f', 'F', 'g', 'G' -> throw new BadFormat("must be real number, not dict");
            case 'c' -> throw new BadFormat("%c requires int or char");
            default -> throw new IllegalArgumentException("not a numeric conversion: " + conv);
        }
    }

    private static String integer(Object value, char conv, List<Character> flags) throws BadFormat {
        if (!(value instanceof Number num)) {
            String need = conv == 'd' || conv == 'i' || conv == 'u' ? "a real number is required"
                    : "an integer is required";
            throw new BadFormat("%" + conv + " format: " + need + ", not " + pythonType(value));
        }
        long v = num.longValue();
        String digits = switch (conv) {
            case 'o' -> Long.toOctalString(Math.abs(v));
            case 'x' -> Long.toHexString(Math.abs(v));
            case 'X' -> Long.toHexString(Math.abs(v)).toUpperCase(Locale.ROOT);
            default -> Long.toString(Math.abs(v));
        };
        if (flags.contains('#')) {
            digits = switch (conv) {
                case 'o' -> "0o" + digits;
                case 'x' -> "0x" + digits;
                case 'X' -> "0X" + digits;
                default -> digits;
            };
        }
        String sign = v < 0 ? "-" : flags.contains('+') ? "+" : flags.contains(' ') ? " " : "";
        return sign + digits;
    }

    private static String real(Object value, char conv, int precision) throws BadFormat {
        if (!(value instanceof Number num)) {
            throw new BadFormat("must be real number, not " + pythonType(value));
        }
        int p = precision < 0 ? 6 : precision;
        String f = switch (conv) {
            case 'e', 'E' -> "%." + p + "e";
            case 'g', 'G' -> "%." + p + "g";
            default -> "%." + p + "f";
        };
        String r = String.format(Locale.ROOT, f, num.doubleValue());
        return Character.isUpperCase(conv) ? r.toUpperCase(Locale.ROOT) : r;
    }

    private static String character(Object value) throws BadFormat {
        if (value instanceof Number num) {
            return new String(Character.toChars(num.intValue()));
        }
        String s = String.valueOf(value);
        if (s.codePointCount(0, s.length()) == 1) {
            return s;
        }
        throw new BadFormat("%c requires int or char");
    }

    private static String pythonType(Object value) {
        return value instanceof String ? "str" : value == null ? "NoneType" : "int";
    }
}
