package jsupervisor.common.xmlrpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Turns the StAX events of one document into {@link XmlRpcValue}s, strictly: an element the
 * XML-RPC grammar does not allow at that point, text beside a typed element, any DTD or entity
 * event, or nesting deeper than the cap is an {@link XmlRpcParseException} naming the line and
 * column. Named after Python's {@code xmlrpc.client.Unmarshaller}, whose input it accepts.
 *
 * <p>Single-use and confined to the thread that reads the document. Recursion is bounded by the
 * depth cap, so hostile nesting cannot exhaust the stack.
 */
final class Unmarshaller {
    private final XMLStreamReader xml;
    private final int maxDepth;
    private int depth;

    Unmarshaller(XMLStreamReader xml, int maxDepth) {
        this.xml = xml;
        this.maxDepth = maxDepth;
    }

    /** Moves to the root element and checks its name. */
    void expectRoot(String name) throws XMLStreamException, XmlRpcParseException {
        int event = nextSignificant();
        if (event != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals(name)) {
            throw error("expected <" + name + "> as the root element but got " + describe(event));
        }
    }

    /** After the root element closed: only comments and whitespace may follow. */
    void expectEndOfDocument() throws XMLStreamException, XmlRpcParseException {
        int event = nextSignificant();
        if (event != XMLStreamConstants.END_DOCUMENT) {
            throw error("expected the end of the document but got " + describe(event));
        }
    }

    /**
     * The next start or end tag, skipping whitespace and comments: a start tag returns its local
     * name, an end tag returns null. Text that is not whitespace is an error here.
     */
    String nextTag(String parent) throws XMLStreamException, XmlRpcParseException {
        int event = nextSignificant();
        return switch (event) {
            case XMLStreamConstants.START_ELEMENT -> xml.getLocalName();
            case XMLStreamConstants.END_ELEMENT -> null;
            default -> throw error("unexpected " + describe(event) + " in <" + parent + ">");
        };
    }

    void expectStart(String name, String parent) throws XMLStreamException, XmlRpcParseException {
        String tag = nextTag(parent);
        if (!name.equals(tag)) {
            throw error("expected <" + name + "> in <" + parent + "> but got " + tagName(tag, parent));
        }
    }

    void expectEnd(String parent) throws XMLStreamException, XmlRpcParseException {
        String tag = nextTag(parent);
        if (tag != null) {
            throw error("unexpected <" + tag + "> in <" + parent + ">");
        }
    }

    /** The text of a leaf element, consumed through its end tag; child elements are errors. */
    String readText(String element) throws XMLStreamException, XmlRpcParseException {
        String text = "";
        StringBuilder more = null; // a second chunk is rare (IS_COALESCING): only then build
        while (true) {
            int event = nextRaw();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text.isEmpty()) {
                        text = xml.getText();
                    } else {
                        if (more == null) {
                            more = new StringBuilder(text);
                        }
                        more.append(xml.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return more == null ? text : more.toString();
                }
                default -> throw error("unexpected " + describe(event) + " in <" + element + ">");
            }
        }
    }

    /**
     * One value whose {@code <value>} start tag was just read, consumed through {@code </value>}.
     * A {@code <value>} holding only text is a string, whitespace included, as in Python.
     */
    XmlRpcValue readValue() throws XMLStreamException, XmlRpcParseException {
        String text = "";
        while (true) {
            int event = nextRaw();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text = text.isEmpty() ? xml.getText() : text + xml.getText();
                case XMLStreamConstants.END_ELEMENT -> {
                    return new XmlRpcValue.Str(text);
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    if (!text.isBlank()) {
                        throw error("text beside <" + xml.getLocalName() + "> in <value>");
                    }
                    XmlRpcValue value = readTyped(xml.getLocalName());
                    expectEnd("value");
                    return value;
                }
                default -> throw error("unexpected " + describe(event) + " in <value>");
            }
        }
    }

    private XmlRpcValue readTyped(String type) throws XMLStreamException, XmlRpcParseException {
        try {
            return switch (type) {
                case "string" -> new XmlRpcValue.Str(readText(type));
                case "int", "i4" -> new XmlRpcValue.Int(Scalars.parseInt32(readText(type)));
                case "i8" -> new XmlRpcValue.Int(Scalars.parseInt64(readText(type)));
                case "boolean" -> new XmlRpcValue.Bool(Scalars.parseBoolean(readText(type)));
                case "double" -> new XmlRpcValue.Double(Scalars.parseDouble(readText(type)));
                case "dateTime.iso8601" -> new XmlRpcValue.DateTime(Scalars.parseDateTime(readText(type)));
                case "base64" -> new XmlRpcValue.Base64(Scalars.parseBase64(readText(type)));
                case "nil" -> readNil();
                case "array" -> readArray();
                case "struct" -> readStruct();
                default -> throw error("unknown element <" + type + "> in <value>");
            };
        } catch (IllegalArgumentException e) {
            throw error("bad <" + type + ">: " + e.getMessage());
        }
    }

    private XmlRpcValue readNil() throws XMLStreamException, XmlRpcParseException {
        if (!readText("nil").isBlank()) {
            throw error("<nil/> must be empty");
        }
        return XmlRpcValue.Nil.INSTANCE;
    }

    private XmlRpcValue readArray() throws XMLStreamException, XmlRpcParseException {
        enter("array");
        expectStart("data", "array");
        List<XmlRpcValue> values = new ArrayList<>();
        String tag;
        while ((tag = nextTag("data")) != null) {
            if (!tag.equals("value")) {
                throw error("expected <value> in <data> but got <" + tag + ">");
            }
            values.add(readValue());
        }
        expectEnd("array");
        depth--;
        return new XmlRpcValue.Array(values);
    }

    private XmlRpcValue readStruct() throws XMLStreamException, XmlRpcParseException {
        enter("struct");
        var members = new LinkedHashMap<String, XmlRpcValue>();
        String tag;
        while ((tag = nextTag("struct")) != null) {
            if (!tag.equals("member")) {
                throw error("expected <member> in <struct> but got <" + tag + ">");
            }
            expectStart("name", "member");
            String name = readText("name");
            expectStart("value", "member");
            members.put(name, readValue());
            expectEnd("member");
        }
        depth--;
        return new XmlRpcValue.Struct(members);
    }

    private void enter(String container) throws XmlRpcParseException {
        if (++depth > maxDepth) {
            throw error("<" + container + "> nested deeper than " + maxDepth + " levels");
        }
    }

    /** Next event other than whitespace, comments and processing instructions. */
    private int nextSignificant() throws XMLStreamException, XmlRpcParseException {
        while (true) {
            int event = nextRaw();
            boolean blank = (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.SPACE)
                    && xml.isWhiteSpace();
            if (!blank) {
                return event;
            }
        }
    }

    /**
     * Next event other than comments and processing instructions. Any DTD or entity event ends the
     * parse at once: nothing in XML-RPC needs one, and refusing them is what makes XXE and entity
     * expansion impossible rather than merely limited.
     */
    private int nextRaw() throws XMLStreamException, XmlRpcParseException {
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> { }
                case XMLStreamConstants.DTD -> throw error("a DOCTYPE is not allowed");
                case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION,
                     XMLStreamConstants.NOTATION_DECLARATION -> throw error("entities are not allowed");
                default -> {
                    return event;
                }
            }
        }
    }

    private String describe(int event) {
        return switch (event) {
            case XMLStreamConstants.START_ELEMENT -> "<" + xml.getLocalName() + ">";
            case XMLStreamConstants.END_ELEMENT -> "</" + xml.getLocalName() + ">";
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> "text";
            case XMLStreamConstants.END_DOCUMENT -> "the end of the document";
            default -> "XML event " + event;
        };
    }

    private static String tagName(String tag, String parent) {
        return tag == null ? "</" + parent + ">" : "<" + tag + ">";
    }

    XmlRpcParseException error(String message) {
        var location = xml.getLocation();
        return new XmlRpcParseException(message + " (line " + location.getLineNumber() + ", column "
                + location.getColumnNumber() + ")");
    }
}
