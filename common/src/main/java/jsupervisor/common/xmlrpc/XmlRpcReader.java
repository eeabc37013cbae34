package jsupervisor.common.xmlrpc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * Callers cap the input size (the HTTP layer knows Content-Length before reading).
 *
 * <p>Thread-safe: the factory is configured once in the constructor and only creates readers
 * afterwards (the JDK factory keeps no per-document state when reader reuse is off, its default);
 * each parse has its own {@link Unmarshaller}. Uses no reflection.
 */
public final class XmlRpcReader {
    /** Arrays and structs nested deeper than this are refused; Supervisor's answers nest 3 deep. */
    public static final int DEFAULT_MAX_DEPTH = 100;

    private final XMLInputFactory factory;
    private final int maxDepth;

    public XmlRpcReader() {
        this(DEFAULT_MAX_DEPTH);
    }

    public XmlRpcReader(int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1: " + maxDepth);
        }
        this.maxDepth = maxDepth;
        this.factory = hardenedFactory();
    }

    /**
     * The JDK's own StAX implementation (not whatever a service loader finds on the class path),
     * locked down. DESIGN.md records that its defaults DID resolve an external entity to
     * /etc/hostname, hence every switch here.
     */
    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
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

    public XmlRpcCall readMethodCall(byte[] document) throws XmlRpcParseException {
        try {
            return readMethodCall(new ByteArrayInputStream(document));
        } catch (XmlRpcParseException e) {
            throw e;
        } catch (IOException e) {
            throw new AssertionError("a byte array cannot fail to read", e);
        }
    }

    /** Reads one {@code <methodCall>}; {@code <params>} may be absent, {@code <methodName>} may not. */
    public XmlRpcCall readMethodCall(InputStream in) throws IOException {
        XMLStreamReader xml = open(in);
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

    public XmlRpcValue readMethodResponse(byte[] document) throws XmlRpcParseException, XmlRpcFault {
        try {
            return readMethodResponse(new ByteArrayInputStream(document));
        } catch (XmlRpcParseException e) {
            throw e;
        } catch (IOException e) {
            throw new AssertionError("a byte array cannot fail to read", e);
        }
    }

    /**
     * Reads one {@code <methodResponse>}: its single value, or the fault it carries thrown as
     * {@link XmlRpcFault} once the whole document has been checked.
     */
    public XmlRpcValue readMethodResponse(InputStream in) throws IOException, XmlRpcFault {
        XMLStreamReader xml = open(in);
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

    private XMLStreamReader open(InputStream in) throws XmlRpcParseException {
        try {
            return factory.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    private static void close(XMLStreamReader xml) {
        try {
            xml.close(); // releases parser buffers; never closes the caller's stream
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
