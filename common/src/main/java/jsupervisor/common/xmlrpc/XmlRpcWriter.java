package jsupervisor.common.xmlrpc;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * Writes XML-RPC documents byte for byte as Python's {@code xmlrpc.client.dumps} does, which is
 * what Supervisor puts on the wire (REFERENCE §6.1): the declaration {@code <?xml version='1.0'?>}
 * with no encoding (so UTF-8), one element per line, {@code <value><string>...</string></value>}
 * with only {@code & < >} escaped and non-ASCII left raw.
 *
 * <p>Where we differ from Python, on purpose, so that every document we write is well-formed XML:
 * <ul>
 *   <li>an {@link XmlRpcValue.Int} outside the 32-bit range is written as {@code <i8>} (Python's
 *       {@code dumps} raises OverflowError; its reader accepts {@code <i8>});</li>
 *   <li>a character XML 1.0 forbids is replaced by U+FFFD REPLACEMENT CHARACTER: the C0 controls
 *       other than tab, newline and carriage return, U+FFFE, U+FFFF and unpaired surrogates.
 *       Python writes them raw and its own reader then rejects the document. Carriage returns stay
 *       raw like Python's, so a reader sees them as newlines, as Python clients always have;</li>
 *   <li>the method name is escaped too (Python writes it raw).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe: every method builds a fresh buffer. Uses no reflection.
 */
public final class XmlRpcWriter {
    private static final String DECLARATION = "<?xml version='1.0'?>\n";
    private static final String REPLACEMENT = "\uFFFD";
    private static final java.util.Base64.Encoder BASE64_LINES =
            java.util.Base64.getMimeEncoder(76, new byte[] {'\n'});

    private XmlRpcWriter() {}

    /** A {@code <methodCall>} as Python's {@code dumps(params, methodName)} writes it. */
    public static byte[] methodCall(String methodName, List<XmlRpcValue> params) {
        StringBuilder out = new StringBuilder(256);
        out.append(DECLARATION).append("<methodCall>\n<methodName>");
        appendEscaped(out, methodName);
        out.append("</methodName>\n<params>\n");
        for (XmlRpcValue param : params) {
            out.append("<param>\n");
            appendValue(out, param);
            out.append("</param>\n");
        }
        out.append("</params>\n</methodCall>\n");
        return utf8(out);
    }

    public static byte[] methodCall(XmlRpcCall call) {
        return methodCall(call.methodName(), call.params());
    }

    /** A successful {@code <methodResponse>} carrying exactly one value, as Supervisor answers. */
    public static byte[] methodResponse(XmlRpcValue value) {
        StringBuilder out = new StringBuilder(256);
        out.append(DECLARATION).append("<methodResponse>\n<params>\n<param>\n");
        appendValue(out, value);
        out.append("</param>\n</params>\n</methodResponse>\n");
        return utf8(out);
    }

    /** A fault {@code <methodResponse>}: the struct faultCode, faultString in that order. */
    public static byte[] fault(XmlRpcFault fault) {
        StringBuilder out = new StringBuilder(256);
        out.append(DECLARATION).append("<methodResponse>\n<fault>\n");
        appendValue(out, fault.toStruct());
        out.append("</fault>\n</methodResponse>\n");
        return utf8(out);
    }

    public static byte[] fault(int faultCode, String faultString) {
        return fault(new XmlRpcFault(faultCode, faultString));
    }

    /**
     * Appends one {@code <value>} element and its trailing newline (none after nil, like Python). An instanceof
     * chain, not a pattern switch: a switch site spins a class the first time it runs, in the middle of a daemon's
     * first answer (bench/README.md); XmlRpcWriterTest checks that every type of value is written.
     */
    static void appendValue(StringBuilder out, XmlRpcValue value) {
        if (value instanceof XmlRpcValue.Str(String v)) {
            out.append("<value><string>");
            appendEscaped(out, v);
            out.append("</string></value>\n");
        } else if (value instanceof XmlRpcValue.Int(long v)) {
            boolean fits = v == (int) v;
            out.append(fits ? "<value><int>" : "<value><i8>").append(v)
                    .append(fits ? "</int></value>\n" : "</i8></value>\n");
        } else if (value instanceof XmlRpcValue.Struct(var members)) {
            out.append("<value><struct>\n");
            for (Map.Entry<String, XmlRpcValue> m : members.entrySet()) {
                out.append("<member>\n<name>");
                appendEscaped(out, m.getKey());
                out.append("</name>\n");
                appendValue(out, m.getValue());
                out.append("</member>\n");
            }
            out.append("</struct></value>\n");
        } else if (value instanceof XmlRpcValue.Array(List<XmlRpcValue> values)) {
            out.append("<value><array><data>\n");
            for (XmlRpcValue v : values) {
                appendValue(out, v);
            }
            out.append("</data></array></value>\n");
        } else if (value instanceof XmlRpcValue.Bool(boolean v)) {
            out.append("<value><boolean>").append(v ? '1' : '0').append("</boolean></value>\n");
        } else if (value instanceof XmlRpcValue.Double(double v)) {
            out.append("<value><double>").append(FloatRepr.repr(v)).append("</double></value>\n");
        } else if (value instanceof XmlRpcValue.DateTime(LocalDateTime v)) {
            out.append("<value><dateTime.iso8601>");
            appendDateTime(out, v);
            out.append("</dateTime.iso8601></value>\n");
        } else if (value instanceof XmlRpcValue.Base64 b) {
            appendBase64(out, b);
        } else if (value instanceof XmlRpcValue.Nil) {
            out.append("<value><nil/></value>");
        } else {
            throw new IllegalArgumentException("not an XML-RPC value: " + value);
        }
    }

    /** Python's {@code _strftime}: {@code %04d%02d%02dT%02d:%02d:%02d}. */
    static void appendDateTime(StringBuilder out, LocalDateTime v) {
        pad(out, v.getYear(), 4);
        pad(out, v.getMonthValue(), 2);
        pad(out, v.getDayOfMonth(), 2);
        out.append('T');
        pad(out, v.getHour(), 2);
        out.append(':');
        pad(out, v.getMinute(), 2);
        out.append(':');
        pad(out, v.getSecond(), 2);
    }

    private static void pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    /** Python's {@code base64.encodebytes}: 76-column lines, each ending in a newline. */
    private static void appendBase64(StringBuilder out, XmlRpcValue.Base64 b) {
        out.append("<value><base64>\n");
        if (b.length() > 0) {
            out.append(BASE64_LINES.encodeToString(b.value()))
                    .append('\n');
        }
        out.append("</base64></value>\n");
    }

    /** Escapes {@code & < >} as Python does and replaces what XML 1.0 cannot carry (see class doc). */
    static void appendEscaped(StringBuilder out, String s) {
        int n = s.length();
        int clean = 0; // start of the run not yet copied: copying runs beats char-by-char appends
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String replacement;
            if (c >= 0x20 && c < 0xD800 && c != '&' && c != '<' && c != '>') {
                continue; // the common case, decided in one comparison chain
            } else if (c == '&') {
                replacement = "&amp;";
            } else if (c == '<') {
                replacement = "&lt;";
            } else if (c == '>') {
                replacement = "&gt;";
            } else if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            } else if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                replacement = REPLACEMENT;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++; // a valid pair is copied as part of the run
                continue;
            } else if (Character.isSurrogate(c)) {
                replacement = REPLACEMENT; // unpaired: UTF-8 cannot encode it
            } else {
                continue;
            }
            out.append(s, clean, i).append(replacement);
            clean = i + 1;
        }
        out.append(s, clean, n);
    }

    private static byte[] utf8(StringBuilder out) {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
