package jsupervisor.common.xmlrpc;

import java.math.BigDecimal;

/**
 * Python's {@code repr(float)}, which is how {@code xmlrpc.client} writes a {@code <double>}:
 * the shortest digits that read back to the same double, in positional notation for decimal
 * exponents from -4 to 16 ({@code 0.0001}, {@code 1e+16}) and with a {@code .0} on integral values.
 * Mirrors CPython's {@code format_float_short} with format code {@code 'r'}.
 *
 * <p>{@link Double#toString(double)} has produced shortest digits since JDK 19, with one twist: when
 * a single digit would do, it returns the closest <em>two</em>-digit decimal instead (5e-324 becomes
 * {@code 4.9E-324}). Python prints the single digit, so that case is redone here.
 *
 * <p>Stateless and thread-safe.
 */
final class FloatRepr {
    private FloatRepr() {}

    static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String sign = (Double.doubleToRawLongBits(value) < 0) ? "-" : "";
        double abs = Math.abs(value);
        if (abs == 0.0) {
            return sign + "0.0";
        }
        Decimal d = shortest(abs);
        return sign + format(d.digits, d.decpt);
    }

    /** Digits without leading or trailing zeros; the value is {@code 0.digits * 10^decpt}. */
    private record Decimal(String digits, int decpt) {}

    private static Decimal shortest(double abs) {
        String s = Double.toString(abs);
        int e = s.indexOf('E');
        int exp = e < 0 ? 0 : Integer.parseInt(s, e + 1, s.length(), 10);
        String mantissa = e < 0 ? s : s.substring(0, e);
        int dot = mantissa.indexOf('.');
        String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int decpt = dot + exp;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        int end = digits.length();
        while (end > lead + 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        Decimal d = new Decimal(digits.substring(lead, end), decpt - lead);
        return d.digits.length() == 2 ? preferOneDigit(abs, d) : d;
    }

    /** Java's two-digit answer where Python, finding a one-digit decimal that reads back, prints it. */
    private static Decimal preferOneDigit(double abs, Decimal two) {
        int first = two.digits.charAt(0) - '0';
        Decimal down = new Decimal(Integer.toString(first), two.decpt);
        Decimal up = first == 9 ? new Decimal("1", two.decpt + 1) : new Decimal(Integer.toString(first + 1), two.decpt);
        boolean downOk = readsBack(down, abs);
        boolean upOk = readsBack(up, abs);
        if (downOk && upOk) {
            BigDecimal exact = new BigDecimal(abs);
            return toBig(down).subtract(exact).abs().compareTo(toBig(up).subtract(exact).abs()) <= 0 ? down : up;
        }
        return downOk ? down : upOk ? up : two;
    }

    private static boolean readsBack(Decimal d, double abs) {
        return Double.parseDouble("0." + d.digits + "E" + d.decpt) == abs;
    }

    private static BigDecimal toBig(Decimal d) {
        return new BigDecimal("0." + d.digits + "E" + d.decpt);
    }

    private static String format(String digits, int decpt) {
        int n = digits.length();
        StringBuilder out = new StringBuilder(n + 8);
        if (decpt <= -4 || decpt > 16) {
            out.append(digits.charAt(0));
            if (n > 1) {
                out.append('.').append(digits, 1, n);
            }
            int exp = decpt - 1;
            out.append(exp < 0 ? "e-" : "e+");
            int absExp = Math.abs(exp);
            if (absExp < 10) {
                out.append('0');
            }
            out.append(absExp);
        } else if (decpt <= 0) {
            out.append("0.").repeat('0', -decpt).append(digits);
        } else if (decpt >= n) {
            out.append(digits).repeat('0', decpt - n).append(".0");
        } else {
            out.append(digits, 0, decpt).append('.').append(digits, decpt, n);
        }
        return out.toString();
    }
}
