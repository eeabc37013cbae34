package jsupervisor.common.xmlrpc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads XML-RPC documents: a {@code <methodCall>} into an {@link XmlRpcCall}, a
 * {@code <methodResponse>} into its value or an {@link XmlRpcFault}. Accepts everything Python's
 * {@code xmlrpc.client} writes (and so supervisorctl and Supervisor itself): untyped
 * {@code <value>text</value>} as a string, {@code <int>}/{@code <i4>} (32 bits), {@code <i8>},
 * {@code <boolean>} 0/1, {@code <string>}, {@code <double>}, {@code <dateTime.iso8601>},
 * {@code <base64>}, {@code <array><data>}, {@code <struct><member><name>}, {@code <nil/>}.
 *
 * <p>Hostile input is refused, never resolved: the {@link XmlScanner} has no DTD support at all
 * (any DOCTYPE is refused where it starts) and knows only the five predefined entities and
 * character references, so XXE and entity expansion (billion laughs) cannot happen. Nesting of
 * arrays and structs is capped ({@link #DEFAULT_MAX_DEPTH}), and so is element nesting. Callers cap
 * the input size (the HTTP layer knows Content-Length before reading). Documents are UTF-8,
 * whatever their declaration says, exactly as Supervisor decodes a request body.
 *
 * <p>The scanner is our own rather than the JDK's StAX parser: a short-lived supervisorctl spent
 * more time setting up and warming StAX than on everything else it does (DESIGN.md, start-up).
 *
 * <p>Thread-safe: a reader holds only its depth cap; each parse has its own scanner and
 * {@link Unmarshaller}. Uses no reflection.
 */
public final class XmlRpcReader {
    /** Arrays and structs nested deeper than this are refused; Supervisor's answers nest at most 4 deep. */
    public static final int DEFAULT_MAX_DEPTH = 100;
    /** The highest cap a caller may choose: far below where the recursive descent could exhaust a stack. */
    public static final int MAX_DEPTH_LIMIT = 10_000;

    private final int maxDepth;

    /** A reader with the {@link #DEFAULT_MAX_DEPTH} cap. */
    public XmlRpcReader() {
        this(DEFAULT_MAX_DEPTH);
    }

    /**
     * A reader that refuses arrays and structs nested deeper than {@code maxDepth}.
     *
     * @param maxDepth from 1 to {@link #MAX_DEPTH_LIMIT}; the parser recurses once per level
     */
    public XmlRpcReader(int maxDepth) {
        if (maxDepth < 1 || maxDepth > MAX_DEPTH_LIMIT) {
            throw new IllegalArgumentException("maxDepth must be from 1 to " + MAX_DEPTH_LIMIT + ": " + maxDepth);
        }
        this.maxDepth = maxDepth;
    }

    /**
     * Reads the rest of {@code in} (the caller bounds it, e.g. by Content-Length) and parses it as
     * {@link #readMethodCall(byte[])} does. The stream is not closed.
     */
    public XmlRpcCall readMethodCall(InputStream in) throws IOException {
        return readMethodCall(in.readAllBytes());
    }

    /** Reads one {@code <methodCall>}; {@code <params>} may be absent, {@code <methodName>} may not. */
    public XmlRpcCall readMethodCall(byte[] document) throws XmlRpcParseException {
        Unmarshaller u = new Unmarshaller(open(document), maxDepth, true);
        u.expectRoot("methodCall");
        String first = u.nextTag("methodCall"); // malformed XML fails here as "unmarshallable"
        if (!"methodName".equals(first)) {
            throw XmlRpcParseException.withoutMethodName(u.error("expected <methodName> in <methodCall> but got "
                    + (first == null ? "</methodCall>" : "<" + first + ">")));
        }
        String methodName = u.readText("methodName");
        if (methodName.isEmpty()) {
            throw XmlRpcParseException.withoutMethodName(u.error("empty <methodName>")); // HTTP 400 "no method name"
        }
        List<XmlRpcValue> params = new ArrayList<>();
        String tag = u.nextTag("methodCall");
        if ("params".equals(tag)) {
            readParams(u, params);
            tag = u.nextTag("methodCall");
        }
        if (tag != null) {
            throw u.error("unexpected <" + tag + "> in <methodCall>");
        }
        u.expectEndOfDocument();
        return new XmlRpcCall(methodName, params);
    }

    /**
     * Reads the rest of {@code in} (the caller bounds it) and parses it as
     * {@link #readMethodResponse(byte[])} does. The stream is not closed.
     */
    public XmlRpcValue readMethodResponse(InputStream in) throws IOException, XmlRpcFault {
        return readMethodResponse(in.readAllBytes());
    }

    /**
     * Reads one {@code <methodResponse>}: its single value, or the fault it carries thrown as
     * {@link XmlRpcFault} once the whole document has been checked.
     */
    public XmlRpcValue readMethodResponse(byte[] document) throws XmlRpcParseException, XmlRpcFault {
        Unmarshaller u = new Unmarshaller(open(document), maxDepth);
        u.expectRoot("methodResponse");
        String tag = u.nextTag("methodResponse");
        XmlRpcValue result;
        boolean isFault = "fault".equals(tag);
        if ("params".equals(tag)) {
            List<XmlRpcValue> params = new ArrayList<>(1);
            readParams(u, params);
            if (params.size() != 1) {
                throw u.error("a <methodResponse> carries exactly one <param>, got " + params.size());
            }
            result = params.getFirst();
        } else if (isFault) {
            u.expectStart("value", "fault");
            result = u.readValue();
            u.expectEnd("fault");
        } else {
            throw u.error("expected <params> or <fault> in <methodResponse> but got "
                    + (tag == null ? "</methodResponse>" : "<" + tag + ">"));
        }
        u.expectEnd("methodResponse");
        u.expectEndOfDocument();
        if (!isFault) {
            return result;
        }
        if (!XmlRpcFault.isFaultStruct(result)) {
            throw new XmlRpcParseException("a <fault> must hold a struct of faultCode (int) and "
                    + "faultString (string), got " + result.typeName());
        }
        throw XmlRpcFault.fromStruct(result.asStruct());
    }

    /** The {@code <param>} list after a {@code <params>} start tag, through {@code </params>}. */
    private static void readParams(Unmarshaller u, List<XmlRpcValue> into)
            throws XmlRpcParseException {
        String tag;
        while ((tag = u.nextTag("params")) != null) {
            if (!tag.equals("param")) {
                throw u.error("expected <param> in <params> but got <" + tag + ">");
            }
            u.expectStart("value", "param");
            into.add(u.readValue());
            u.expectEnd("param");
        }
    }

    /**
     * Decodes the bytes as UTF-8 ourselves, as Supervisor reads a request (as a str, whatever the
     * declaration says); a byte order mark is skipped. A document of ASCII only, what supervisord and
     * Python write unless a name or message says otherwise, is widened in one pass; any other goes through
     * the JDK's strict decoder.
     */
    private XmlScanner open(byte[] document) throws XmlRpcParseException {
        // JDK parsers cap element depth at 100; ours leaves room for the array/struct cap to trip first with
        // its clearer message (each level costs three elements: value, array/struct, data/member)
        int maxElementDepth = 3 * maxDepth + 10;
        char[] ascii = new char[document.length];
        for (int i = 0; i < document.length; i++) {
            byte b = document[i];
            if (b < 0) {
                return openUtf8(document, maxElementDepth);
            }
            ascii[i] = (char) b;
        }
        return new XmlScanner(ascii, 0, ascii.length, maxElementDepth);
    }

    private static XmlScanner openUtf8(byte[] document, int maxElementDepth) throws XmlRpcParseException {
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(document));
        } catch (CharacterCodingException e) {
            throw new XmlRpcParseException("malformed XML: the document is not UTF-8 (" + e + ")", e);
        }
        int start = chars.hasRemaining() && chars.get(chars.position()) == '\uFEFF' ? 1 : 0; // byte order mark
        int from = chars.arrayOffset() + chars.position();
        return new XmlScanner(chars.array(), from + start, from + chars.remaining(), maxElementDepth);
    }
}
