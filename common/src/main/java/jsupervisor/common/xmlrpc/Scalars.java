package jsupervisor.common.xmlrpc;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Locale;

/**
 * Parses the text of the scalar elements: what Python's {@code int()}, {@code float()},
 * {@code strptime('%Y%m%dT%H:%M:%S')} and {@code base64.decodebytes} accept from Python writers,
 * minus their accidental leniency (underscores in numbers, non-ASCII digits, junk in base64, hex
 * floats via Java's own parser). Surrounding whitespace is ignored, as {@code int()} ignores it.
 *
 * <p>Every failure is an {@link IllegalArgumentException} whose message says what was expected;
 * the {@link Unmarshaller} adds the element and position. Stateless and thread-safe.
 */
final class Scalars {
    private Scalars() {}

    static int parseInt32(String text) {
        long value = parseInt64(text);
        if (value != (int) value) {
            throw new IllegalArgumentException("expected a 32-bit integer but got " + value
                    + " (use <i8> for 64 bits)");
        }
        return (int) value;
    }

    static long parseInt64(String text) {
        String s = text.strip();
        int start = (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) ? 1 : 0;
        if (start == s.length() || !asciiDigits(s, start, s.length())) {
            throw new IllegalArgumentException("expected an integer but got '" + excerpt(s) + "'");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("integer out of the 64-bit range: " + excerpt(s));
        }
    }

    /** Only {@code 0} and {@code 1}, as Python's reader insists ("bad boolean value"). */
    static boolean parseBoolean(String text) {
        return switch (text.strip()) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new IllegalArgumentException("expected 0 or 1 but got '" + excerpt(text) + "'");
        };
    }

    /** Decimal notation with an optional exponent, or Python's {@code inf}, {@code infinity}, {@code nan}. */
    static double parseDouble(String text) {
        String s = text.strip();
        int i = (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) ? 1 : 0;
        boolean negative = i == 1 && s.charAt(0) == '-';
        String word = s.substring(i).toLowerCase(Locale.ROOT);
        switch (word) {
            case "inf", "infinity" -> {
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            case "nan" -> {
                return Double.NaN;
            }
            default -> {
                if (!isDecimal(s, i)) {
                    throw new IllegalArgumentException("expected a decimal number but got '" + excerpt(s) + "'");
                }
                return Double.parseDouble(s);
            }
        }
    }

    /** digits [. digits] | . digits, then optionally e [sign] digits; at least one mantissa digit. */
    private static boolean isDecimal(String s, int i) {
        int n = s.length();
        int intStart = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        int mantissaDigits = i - intStart;
        if (i < n && s.charAt(i) == '.') {
            int fracStart = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            mantissaDigits += i - fracStart;
        }
        if (mantissaDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int expStart = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == expStart) {
                return false;
            }
        }
        return i == n;
    }

    /** Exactly {@code YYYYMMDDTHH:MM:SS}, the format Python writes and Supervisor's reader expects. */
    static LocalDateTime parseDateTime(String text) {
        String s = text.strip();
        if (s.length() != 17 || s.charAt(8) != 'T' || s.charAt(11) != ':' || s.charAt(14) != ':'
                || !asciiDigits(s, 0, 8) || !asciiDigits(s, 9, 11) || !asciiDigits(s, 12, 14)
                || !asciiDigits(s, 15, 17)) {
            throw new IllegalArgumentException("expected YYYYMMDDTHH:MM:SS but got '" + excerpt(s) + "'");
        }
        try {
            return LocalDateTime.of(number(s, 0, 4), number(s, 4, 6), number(s, 6, 8),
                    number(s, 9, 11), number(s, 12, 14), number(s, 15, 17));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("no such date and time: " + s);
        }
    }

    /**
     * Standard-alphabet base64 with line breaks anywhere (Python breaks every 76 columns). Any other
     * character is refused, where Python's non-strict decoder would silently drop it.
     */
    static byte[] parseBase64(String text) {
        StringBuilder compact = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                compact.append(c);
            }
        }
        try {
            return Base64.getDecoder().decode(compact.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed base64: " + e.getMessage());
        }
    }

    private static int number(String s, int from, int to) {
        return Integer.parseInt(s, from, to, 10);
    }

    private static boolean asciiDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Enough of a bad token to recognise it, without echoing a megabyte into a log line. */
    private static String excerpt(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
