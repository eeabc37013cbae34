package jsupervisor.daemon.events;

import java.util.OptionalLong;

/**
 * Python 3's {@code int(b)} for a {@code bytes} value in base 10, which is how Supervisor reads the length in a
 * listener's {@code RESULT <n>} line: surrounding ASCII whitespace ({@code Py_ISSPACE}: space, \t \n \v \f \r)
 * is ignored, one leading {@code +} or {@code -} is allowed, and single underscores may separate digits
 * ({@code 1_0} is 10). Anything else (empty, inner spaces, letters, {@code 0x10}) is a ValueError, here an
 * empty result. Values beyond {@code long} saturate, which behaves the same for a length that can never be met.
 * Stateless.
 */
final class PythonInt {
    /** CPython refuses longer decimal strings ({@code sys.int_info.default_max_str_digits}). */
    private static final int MAX_DIGITS = 4300;

    private PythonInt() {
    }

    static OptionalLong parse(byte[] b, int from, int to) {
        while (from < to && isSpace(b[from])) {
            from++;
        }
        while (to > from && isSpace(b[to - 1])) {
            to--;
        }
        boolean negative = false;
        if (from < to && (b[from] == '+' || b[from] == '-')) {
            negative = b[from] == '-';
            from++;
        }
        if (from == to || !isDigit(b[from]) || !isDigit(b[to - 1])) {
            return OptionalLong.empty(); // also rules out a leading or trailing underscore
        }
        long value = 0;
        int digits = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == '_') {
                if (b[i - 1] == '_') {
                    return OptionalLong.empty();
                }
                continue;
            }
            if (!isDigit(b[i]) || ++digits > MAX_DIGITS) {
                return OptionalLong.empty();
            }
            value = value > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : value * 10 + (b[i] - '0');
        }
        return OptionalLong.of(negative ? -value : value);
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
