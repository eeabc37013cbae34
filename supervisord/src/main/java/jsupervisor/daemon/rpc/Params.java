package jsupervisor.daemon.rpc;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import jsupervisor.common.api.Fault;
import jsupervisor.common.xmlrpc.PythonValueText;
import jsupervisor.common.xmlrpc.XmlRpcValue;

/**
 * The positional params of one call, read the way Supervisor's Python methods use them: {@code int(offset)},
 * the truthiness of {@code wait}, a name that must be a string. A param the method cannot use is
 * INCORRECT_PARAMETERS (where Python would sometimes die with HTTP 500 instead; a fault tells the client more).
 * Supervisor's request parser decodes {@code <base64>} into a string, so a Base64 param reads as one here.
 * Immutable; the arity has been checked by {@link RpcRegistry} before a handler sees it.
 */
public record Params(List<XmlRpcValue> values) {
    private static final Pattern PY_INT = Pattern.compile("[+-]?\\d+(_\\d+)*");

    public Params {
        values = List.copyOf(values);
    }

    public int size() {
        return values.size();
    }

    public XmlRpcValue get(int index) {
        return values.get(index);
    }

    /** A string param ({@code name}, {@code chars}...). */
    public String string(int index) {
        XmlRpcValue v = values.get(index);
        // instanceof, not a pattern switch: a switch site spins a class at its first run (bench/README.md)
        if (v instanceof XmlRpcValue.Str s) {
            return s.value();
        }
        if (v instanceof XmlRpcValue.Base64 b) {
            return new String(b.value(), StandardCharsets.UTF_8);
        }
        throw new RpcFault(Fault.INCORRECT_PARAMETERS);
    }

    /**
     * Python's {@code int(x)}: ints, booleans, floats (truncated) and decimal strings. Python's ints have no size,
     * and Supervisor's request parser reads {@code <int>} as one, so a log offset beyond 32 bits is fine.
     */
    public long integer(int index) {
        XmlRpcValue v = values.get(index);
        return switch (v) {
            case XmlRpcValue.Int i -> i.value();
            case XmlRpcValue.Bool b -> b.value() ? 1 : 0;
            case XmlRpcValue.Double d when Double.isFinite(d.value()) -> (long) d.value();
            case XmlRpcValue.Str s -> parseInt(s.value());
            default -> throw new RpcFault(Fault.INCORRECT_PARAMETERS);
        };
    }

    private static long parseInt(String s) {
        String t = s.strip();
        if (!PY_INT.matcher(t).matches()) {
            throw new RpcFault(Fault.INCORRECT_PARAMETERS);
        }
        BigInteger b = new BigInteger(t.replace("_", ""));
        if (b.bitLength() > 63) {
            throw new RpcFault(Fault.INCORRECT_PARAMETERS);
        }
        return b.longValue();
    }

    /** Python truthiness of an optional flag ({@code wait}); {@code absent} when the param was not sent. */
    public boolean flag(int index, boolean absent) {
        if (index >= values.size()) {
            return absent;
        }
        return switch (values.get(index)) {
            case XmlRpcValue.Int i -> i.value() != 0;
            case XmlRpcValue.Bool b -> b.value();
            case XmlRpcValue.Str s -> !s.value().isEmpty();
            case XmlRpcValue.Double d -> d.value() != 0.0;
            case XmlRpcValue.Base64 b -> b.length() > 0;
            case XmlRpcValue.Array a -> a.size() > 0;
            case XmlRpcValue.Struct s -> !s.members().isEmpty();
            case XmlRpcValue.DateTime d -> true;
            case XmlRpcValue.Nil n -> false;
        };
    }

    /**
     * A process group's name. Supervisor looks a name of any other type up too and finds no group, so a number
     * or a list is {@code BAD_NAME: <str(name)>}, not a parameter error.
     */
    public String groupName(int index) {
        XmlRpcValue v = values.get(index);
        if (v instanceof XmlRpcValue.Str || v instanceof XmlRpcValue.Base64) {
            return string(index);
        }
        throw new RpcFault(Fault.BAD_NAME, text(index));
    }

    /** Python's {@code str(x)} of a param, for fault texts such as {@code BAD_SIGNAL: <sig>}. */
    public String text(int index) {
        return PythonValueText.str(values.get(index));
    }
}
