package jsupervisor.daemon.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jsupervisor.common.ini.PythonRepr;
import jsupervisor.common.ini.PythonText;

/**
 * Pure value converters with Supervisor's acceptance rules and error texts, one per datatype of
 * {@code supervisor/datatypes.py} that needs no OS lookup (those live in {@link OsDatatypes}). Stateless.
 */
public final class Datatypes {
    private static final List<String> TRUTHY = List.of("yes", "true", "on", "1");
    private static final List<String> FALSY = List.of("no", "false", "off", "0");

    private Datatypes() {}

    /** {@code boolean()}: yes/true/on/1 and no/false/off/0, any case. */
    public static boolean bool(String s) throws InvalidValueException {
        String l = s.toLowerCase(Locale.ROOT);
        if (TRUTHY.contains(l)) {
            return true;
        }
        if (FALSY.contains(l)) {
            return false;
        }
        throw new InvalidValueException("not a valid boolean value: " + PythonRepr.of(s));
    }

    /** Python {@code int(s)}: surrounding whitespace, a sign and {@code _} between digits are allowed. */
    public static long integer(String s) throws InvalidValueException {
        Long v = parsePythonInt(s, 10);
        if (v == null) {
            throw new InvalidValueException("invalid literal for int() with base 10: " + PythonRepr.of(s));
        }
        return v;
    }

    /** {@link #integer} narrowed to an int (values outside are rejected with Python's text for the input). */
    public static int int32(String s) throws InvalidValueException {
        long v = integer(s);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new InvalidValueException("value " + PythonRepr.of(s) + " is out of range");
        }
        return (int) v;
    }

    /** Python {@code int(s, base)} or null; {@code base} is 8 or 10. */
    static Long parsePythonInt(String raw, int base) {
        // most values are a few plain digits: decided in one loop (a cold daemon interprets this for every
        // number of every program section it reads)
        int n = raw.length();
        if (n > 0 && n <= 18) {
            long v = 0;
            int i = 0;
            while (i < n) {
                int d = raw.charAt(i) - '0';
                if (d < 0 || d >= base) {
                    break;
                }
                v = v * base + d;
                i++;
            }
            if (i == n) {
                return v;
            }
        }
        String s = PythonText.strip(raw);
        if (s.isEmpty()) {
            return null;
        }
        boolean negative = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (base == 8 && s.length() > 2 && (s.startsWith("0o") || s.startsWith("0O"))) {
            s = s.substring(2);
            if (s.startsWith("_")) {
                s = s.substring(1);
            }
        }
        if (s.isEmpty() || s.startsWith("_") || s.endsWith("_") || s.contains("__")) {
            return null;
        }
        String digits = s.replace("_", "");
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c >= 128 || Character.digit(c, base) < 0) {
                return null;
            }
        }
        try {
            long v = Long.parseLong(digits, base);
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            // valid digits beyond 64 bits: Python's int has no limit; callers say "out of range" where it matters
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** {@code byte_size}: an int with an optional KB/MB/GB suffix (any case, powers of 1024). */
    public static long byteSize(String s) throws InvalidValueException {
        String v = s.toLowerCase(Locale.ROOT);
        long multiplier = 1;
        if (v.endsWith("kb")) {
            multiplier = 1024L;
        } else if (v.endsWith("mb")) {
            multiplier = 1024L * 1024;
        } else if (v.endsWith("gb")) {
            multiplier = 1024L * 1024 * 1024;
        }
        String number = multiplier == 1 ? v : v.substring(0, v.length() - 2);
        return integer(number) * multiplier;
    }

    /** {@code octal_type}: Python {@code int(s, 8)}. */
    public static int octal(String s) throws InvalidValueException {
        Long v = parsePythonInt(s, 8);
        if (v == null || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new InvalidValueException(s + " can not be converted to an octal type");
        }
        return v.intValue();
    }

    /** {@code signal_number}: a number in Python's signal set, or a name with or without SIG. */
    public static int signalNumber(String value) throws InvalidValueException {
        Long num = parsePythonInt(value, 10);
        if (num == null) {
            String name = PythonText.strip(value).toUpperCase(Locale.ROOT);
            if (!name.startsWith("SIG")) {
                name = "SIG" + name;
            }
            Integer byName = SignalNames.byName(name);
            if (byName == null) {
                throw new InvalidValueException("value " + PythonRepr.of(value) + " is not a valid signal name");
            }
            num = (long) byName;
        }
        if (!SignalNames.isValidNumber(num)) {
            throw new InvalidValueException("value " + PythonRepr.of(value) + " is not a valid signal number");
        }
        return num.intValue();
    }

    /** {@code list_of_exitcodes}: comma-separated ints 0-255; empty gives an empty list. */
    public static List<Integer> exitCodes(String arg) throws InvalidValueException {
        List<Integer> codes = new ArrayList<>();
        if (arg.isEmpty()) {
            return codes;
        }
        for (String part : arg.split(",", -1)) {
            Long v = parsePythonInt(part, 10);
            if (v == null || v < 0 || v > 255) {
                throw new InvalidValueException("not a valid list of exit codes: " + PythonRepr.of(arg));
            }
            codes.add(v.intValue());
        }
        return List.copyOf(codes);
    }

    /** {@code auto_restart}: booleans or {@code unexpected}. */
    public static AutoRestart autoRestart(String value) throws InvalidValueException {
        String v = value.toLowerCase(Locale.ROOT);
        if (TRUTHY.contains(v)) {
            return AutoRestart.TRUE;
        }
        if (FALSY.contains(v)) {
            return AutoRestart.FALSE;
        }
        if (v.equals("unexpected")) {
            return AutoRestart.UNEXPECTED;
        }
        throw new InvalidValueException("invalid 'autorestart' value " + PythonRepr.of(v));
    }

    /** {@code logging_level}: critical error warn info debug trace blather. */
    public static LoggingLevel loggingLevel(String value) throws InvalidValueException {
        return LoggingLevel.fromConfigName(value.toLowerCase(Locale.ROOT)).orElseThrow(
                () -> new InvalidValueException("bad logging level name " + PythonRepr.of(value)));
    }

    /** {@code list_of_strings}: comma-separated, each stripped; empty gives an empty list. */
    public static List<String> listOfStrings(String arg) {
        if (arg == null || arg.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : arg.split(",", -1)) {
            out.add(PythonText.strip(part));
        }
        return List.copyOf(out);
    }

    /** {@code process_or_group_name}: stripped; no space, ':' or '/'. */
    public static String processOrGroupName(String name) throws InvalidValueException {
        String s = PythonText.strip(name);
        for (char c : new char[] {' ', ':', '/'}) {
            if (s.indexOf(c) >= 0) {
                throw new InvalidValueException("Invalid name: " + PythonRepr.of(name) + " because of character: "
                        + PythonRepr.of(String.valueOf(c)));
            }
        }
        return s;
    }

    /** {@code inet_address}: {@code host:port}, {@code *:port}, {@code :port} or {@code port}. */
    public static InetAddressSpec inetAddress(String s) throws InvalidValueException {
        String host = "";
        int port;
        int colon = s.lastIndexOf(':');
        if (colon >= 0) {
            host = s.substring(0, colon).toLowerCase(Locale.ROOT);
            String p = s.substring(colon + 1);
            if (p.isEmpty()) {
                throw new InvalidValueException("no port number specified in " + PythonRepr.of(p));
            }
            port = portNumber(p);
        } else {
            try {
                port = portNumber(s);
            } catch (InvalidValueException e) {
                throw new InvalidValueException("not a valid port number: " + PythonRepr.of(s) + " ");
            }
        }
        if (host.equals("*")) {
            host = "";
        }
        return new InetAddressSpec(host, port);
    }

    private static int portNumber(String s) throws InvalidValueException {
        long v = integer(s);
        if (v < 1) {
            throw new InvalidValueException(v + " is below lower bound (1)");
        }
        if (v > 0xffff) {
            throw new InvalidValueException(v + " is above upper bound (65535)");
        }
        return (int) v;
    }

    /** A listening address: host (empty for all interfaces) and port. */
    public record InetAddressSpec(String host, int port) {}
}
