package jsupervisor.common.xmlrpc;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;

import jsupervisor.common.ini.PythonRepr;

/**
 * How Supervisor's Python code prints a param it received: {@code str()} and {@code repr()} of the object its
 * request parser ({@code supervisor/xmlrpc.py}) makes of each XML-RPC value: {@code int}, {@code bool},
 * {@code float}, {@code str} (a {@code <base64>} too: Supervisor decodes it to text), {@code datetime.datetime},
 * {@code list}, {@code dict}. Fault texts such as {@code BAD_SIGNAL: 1.5} or {@code INCORRECT_PARAMETERS: ['a']}
 * and the {@code AttributeError} messages of a multicall show these.
 *
 * <p>Stateless and thread-safe.
 */
public final class PythonValueText {
    private PythonValueText() {}

    /** {@code str(x)}: a string as itself, anything else as {@link #repr}. */
    public static String str(XmlRpcValue value) {
        if (value instanceof XmlRpcValue.Str s) {
            return s.value();
        }
        if (value instanceof XmlRpcValue.Base64 b) {
            return decoded(b);
        }
        if (value instanceof XmlRpcValue.DateTime d) {
            return isoWithSpace(d.value());
        }
        return repr(value);
    }

    /** {@code repr(x)}, as a list or dict shows its items. */
    public static String repr(XmlRpcValue value) {
        StringBuilder out = new StringBuilder();
        appendRepr(value, out);
        return out.toString();
    }

    /** {@code type(x).__name__} as an {@code AttributeError} names it ({@code 'int' object has no ...}). */
    public static String typeName(XmlRpcValue value) {
        return switch (value) {
            case XmlRpcValue.Int i -> "int";
            case XmlRpcValue.Bool b -> "bool";
            case XmlRpcValue.Double d -> "float";
            case XmlRpcValue.Str s -> "str";
            case XmlRpcValue.Base64 b -> "str";
            case XmlRpcValue.DateTime d -> "datetime.datetime";
            case XmlRpcValue.Array a -> "list";
            case XmlRpcValue.Struct s -> "dict";
            case XmlRpcValue.Nil n -> "NoneType";
        };
    }

    private static void appendRepr(XmlRpcValue value, StringBuilder out) {
        switch (value) {
            case XmlRpcValue.Int i -> out.append(i.value());
            case XmlRpcValue.Bool b -> out.append(b.value() ? "True" : "False");
            case XmlRpcValue.Double d -> out.append(FloatRepr.repr(d.value()));
            case XmlRpcValue.Str s -> out.append(PythonRepr.of(s.value()));
            case XmlRpcValue.Base64 b -> out.append(PythonRepr.of(decoded(b)));
            case XmlRpcValue.DateTime d -> appendDateTimeRepr(d.value(), out);
            case XmlRpcValue.Nil n -> out.append("None");
            case XmlRpcValue.Array a -> {
                out.append('[');
                for (int i = 0; i < a.values().size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    appendRepr(a.values().get(i), out);
                }
                out.append(']');
            }
            case XmlRpcValue.Struct s -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, XmlRpcValue> member : s.members().entrySet()) {
                    if (!first) {
                        out.append(", ");
                    }
                    first = false;
                    out.append(PythonRepr.of(member.getKey())).append(": ");
                    appendRepr(member.getValue(), out);
                }
                out.append('}');
            }
        }
    }

    private static String decoded(XmlRpcValue.Base64 b) {
        return new String(b.value(), StandardCharsets.UTF_8);
    }

    /** {@code str(datetime)}: {@code 2020-01-02 03:04:05} (XML-RPC times have whole seconds). */
    private static String isoWithSpace(LocalDateTime t) {
        return String.format("%04d-%02d-%02d %02d:%02d:%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond());
    }

    /** {@code repr(datetime)}: the seconds only when not zero, hour and minute always. */
    private static void appendDateTimeRepr(LocalDateTime t, StringBuilder out) {
        out.append("datetime.datetime(").append(t.getYear()).append(", ").append(t.getMonthValue()).append(", ")
                .append(t.getDayOfMonth()).append(", ").append(t.getHour()).append(", ").append(t.getMinute());
        if (t.getSecond() != 0) {
            out.append(", ").append(t.getSecond());
        }
        out.append(')');
    }
}
