package jsupervisor.common.xmlrpc;

import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads XML-RPC documents: a {@code <methodCall>} into an {@link XmlRpcCall}, a
 * {@code <methodResponse>} into its value or an {@link XmlRpcFault}. Accepts everything Python's
 * {@code xmlrpc.client} writes (and so supervisorctl and Supervisor itself): untyped
 * {@code <value>text</value>} as a string, {@code <int>}/{@code <i4>} (32 bits), {@code <i8>},
 * {@code <boolean>} 0/1, {@code <string>}, {@code <double>}, {@code <dateTime.iso8601>},
 * {@code <base64>}, {@code <array><data>}, {@code <struct><member><name>}, {@code <nil/>}.
 *
 * <p>Hostile input is refused, never resolved: the JDK's StAX parser is configured with DTD
 * support and external entities off, no resolver that could reach a file or URL, and the
 * {@link Unmarshaller} aborts on any DOCTYPE or entity event, so XXE and entity expansion (billion
 * laughs) cannot happen. Nesting of arrays and structs is capped ({@link #DEFAULT_MAX_DEPTH}).
 * Callers cap the input size (the HTTP layer knows Content-Length before reading). Documents
 * are UTF-8, whatever their declaration says, exactly as Supervisor decodes a request body.
 *
 * <p>Thread-safe: the factory is configured once in the constructor and only creates readers
 * afterwards (the JDK factory keeps no per-document state when reader reuse is off, its default);
 * each parse has its own {@link Unmarshaller}. Uses no reflection.
 */
public final class XmlRpcReader {
    /** Arrays and structs nested deeper than this are refused; Supervisor's answers nest at most 4 deep. */
    public static final int DEFAULT_MAX_DEPTH = 100;
    /** The highest cap a caller may choose: far below where the recursive descent could exhaust a stack. */
    public static final int MAX_DEPTH_LIMIT = 10_000;

    private static final String JDK_MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";

    private final XMLInputFactory factory;
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
        this.factory = hardenedFactory(maxDepth);
    }

    /**
     * The JDK's own StAX implementation (not whatever a service loader finds on the class path),
     * locked down. DESIGN.md records that its defaults DID resolve an external entity to
     * /etc/hostname, hence every switch here.
     */
    private static XMLInputFactory hardenedFactory(int maxDepth) {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        // JDK 25 caps element depth at 100 by default; each array or struct level costs three
        // elements (value, array/struct, data/member) plus the envelope, so make room for our own
        // cap to trip first with its clearer message, while the JDK's stays as a backstop.
        f.setProperty(JDK_MAX_ELEMENT_DEPTH, 3 * maxDepth + 10);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("refusing to resolve external entity " + systemId);
        });
        return f;
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
        XMLStreamReader xml = open(document);
        try {
            Unmarshaller u = new Unmarshaller(xml, maxDepth);
            u.expectRoot("methodCall");
            u.expectStart("methodName", "methodCall");
            String methodName = u.readText("methodName");
            if (methodName.isEmpty()) {
                throw u.error("empty <methodName>"); // Supervisor: HTTP 400 "no method name"
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
        } catch (XMLStreamException e) {
            throw malformed(e);
        } finally {
            close(xml);
        }
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
        XMLStreamReader xml = open(document);
        try {
            Unmarshaller u = new Unmarshaller(xml, maxDepth);
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
        } catch (XMLStreamException e) {
            throw malformed(e);
        } finally {
            close(xml);
        }
    }

    /** The {@code <param>} list after a {@code <params>} start tag, through {@code </params>}. */
    private static void readParams(Unmarshaller u, List<XmlRpcValue> into)
            throws XMLStreamException, XmlRpcParseException {
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
     * Decodes the bytes as UTF-8 ourselves and hands the parser characters. That is how Supervisor
     * reads a request (as a str, whatever the declaration says), and it keeps the JDK's byte
     * decoder out of the way: on a malformed sequence that decoder prints "[Fatal Error]" to
     * System.err, which a daemon must not do for every bad request.
     */
    private XMLStreamReader open(byte[] document) throws XmlRpcParseException {
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
        try {
            return factory.createXMLStreamReader(new CharArrayReader(chars.array(),
                    chars.arrayOffset() + chars.position() + start, chars.remaining() - start));
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    private static void close(XMLStreamReader xml) {
        try {
            xml.close(); // releases parser buffers
        } catch (XMLStreamException ignored) {
            // nothing left to report: the document was already accepted or refused
        }
    }

    /** The JDK prefixes "ParseError at [row,col]:[r,c]\nMessage: "; we say it our way. */
    private static XmlRpcParseException malformed(XMLStreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int cut = message.indexOf("Message: ");
        String reason = cut >= 0 ? message.substring(cut + "Message: ".length()) : message;
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ")";
        return new XmlRpcParseException("malformed XML: " + reason + where, e);
    }
}
