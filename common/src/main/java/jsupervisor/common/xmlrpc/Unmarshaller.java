package jsupervisor.common.xmlrpc;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the {@link XmlScanner} events of one document into {@link XmlRpcValue}s, strictly: an
 * element the XML-RPC grammar does not allow at that point, text beside a typed element, or
 * nesting deeper than the cap is an {@link XmlRpcParseException} naming the line and column (the
 * scanner refuses malformed XML and any DOCTYPE). Named after Python's
 * {@code xmlrpc.client.Unmarshaller}, whose input it accepts.
 *
 * <p>Single-use and confined to the thread that reads the document. Recursion is bounded by the
 * depth cap, so hostile nesting cannot exhaust the stack.
 */
final class Unmarshaller {
    /**
     * The member names of Supervisor's structs (process info, faults, multi-process results), most frequent
     * first. A status of 1000 programs reads 14,000 of them, and each is hashed into its struct and compared by
     * every lookup: as constants they are hashed once and compared by identity.
     */
    private static final ConstantNames MEMBER_NAMES = ConstantNames.of("name", "group", "start", "stop", "now",
            "state", "statename", "spawnerr", "exitstatus", "logfile", "stdout_logfile", "stderr_logfile", "pid",
            "description", "status", "faultCode", "faultString");

    private final XmlScanner xml;
    private final int maxDepth;
    /**
     * Reading a request as Supervisor's server does ({@code supervisor/xmlrpc.py}, not {@code xmlrpc.client}): an
     * {@code <int>} or {@code <i4>} is Python's {@code int(text)} of any size (here up to 64 bits), and a
     * {@code <boolean>} is true when its text is exactly {@code 1} and false otherwise.
     */
    private final boolean supervisorRequest;
    private int depth;

    Unmarshaller(XmlScanner xml, int maxDepth) {
        this(xml, maxDepth, false);
    }

    Unmarshaller(XmlScanner xml, int maxDepth, boolean supervisorRequest) {
        this.xml = xml;
        this.maxDepth = maxDepth;
        this.supervisorRequest = supervisorRequest;
    }

    /** Moves to the root element and checks its name. */
    void expectRoot(String name) throws XmlRpcParseException {
        int event = nextSignificant();
        if (event != XmlScanner.START_ELEMENT || !xml.name().equals(name)) {
            throw error("expected <" + name + "> as the root element but got " + describe(event));
        }
    }

    /** After the root element closed: only comments and whitespace may follow. */
    void expectEndOfDocument() throws XmlRpcParseException {
        int event = nextSignificant();
        if (event != XmlScanner.END_DOCUMENT) {
            throw error("expected the end of the document but got " + describe(event));
        }
    }

    /**
     * The next start or end tag, skipping whitespace and comments: a start tag returns its local
     * name, an end tag returns null. Text that is not whitespace is an error here.
     */
    String nextTag(String parent) throws XmlRpcParseException {
        int event = nextSignificant();
        return switch (event) {
            case XmlScanner.START_ELEMENT -> xml.name();
            case XmlScanner.END_ELEMENT -> null;
            default -> throw error("unexpected " + describe(event) + " in <" + parent + ">");
        };
    }

    void expectStart(String name, String parent) throws XmlRpcParseException {
        String tag = nextTag(parent);
        if (!name.equals(tag)) {
            throw error("expected <" + name + "> in <" + parent + "> but got " + tagName(tag, parent));
        }
    }

    void expectEnd(String parent) throws XmlRpcParseException {
        String tag = nextTag(parent);
        if (tag != null) {
            throw error("unexpected <" + tag + "> in <" + parent + ">");
        }
    }

    /** The text of a leaf element, consumed through its end tag; child elements are errors. */
    String readText(String element) throws XmlRpcParseException {
        return readText(xml.next(), element);
    }

    /** {@link #readText(String)} whose first event was already read. */
    private String readText(int firstEvent, String element) throws XmlRpcParseException {
        String text = "";
        StringBuilder more = null; // a second chunk is rare (a comment inside the text): only then build
        for (int event = firstEvent; ; event = xml.next()) {
            switch (event) {
                case XmlScanner.TEXT -> {
                    if (text.isEmpty()) {
                        text = xml.text();
                    } else {
                        if (more == null) {
                            more = new StringBuilder(text);
                        }
                        more.append(xml.text());
                    }
                }
                case XmlScanner.END_ELEMENT -> {
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
    XmlRpcValue readValue() throws XmlRpcParseException {
        String text = "";
        while (true) {
            int event = xml.next();
            switch (event) {
                case XmlScanner.TEXT -> text = text.isEmpty() ? xml.text() : text + xml.text();
                case XmlScanner.END_ELEMENT -> {
                    return new XmlRpcValue.Str(text);
                }
                case XmlScanner.START_ELEMENT -> {
                    if (!text.isBlank()) {
                        throw error("text beside <" + xml.name() + "> in <value>");
                    }
                    XmlRpcValue value = readTyped(xml.name());
                    expectEnd("value");
                    return value;
                }
                default -> throw error("unexpected " + describe(event) + " in <value>");
            }
        }
    }

    private XmlRpcValue readTyped(String type) throws XmlRpcParseException {
        try {
            return switch (type) {
                case "string" -> new XmlRpcValue.Str(readText(type));
                case "int", "i4" -> readInteger(type, !supervisorRequest);
                case "i8" -> readInteger(type, false);
                case "boolean" -> new XmlRpcValue.Bool(supervisorRequest ? readText(type).equals("1")
                        : booleanOf(readText(type)));
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

    /**
     * A member name: the usual plain {@code <name>statename</name>} of a name Supervisor's answers use comes back
     * as a constant (see {@link #MEMBER_NAMES}); anything else as {@link #readText(String)} reads it.
     */
    private String readMemberName() throws XmlRpcParseException {
        int event = xml.next();
        if (event == XmlScanner.TEXT && xml.textEndsAtEndTag()) {
            String name = xml.text(MEMBER_NAMES);
            expectEnd("name");
            return name;
        }
        return readText(event, "name");
    }

    /**
     * The usual {@code 0} or {@code 1} decided here, anything else by {@link Scalars}: a client's first boolean
     * (startProcess's {@code wait}) then needs no class the daemon's AOT cache lacks, whose loading opens the jar.
     */
    private static boolean booleanOf(String text) {
        return switch (text) {
            case "1" -> true;
            case "0" -> false;
            default -> Scalars.parseBoolean(text);
        };
    }

    /** The usual {@code <int>123</int>} straight from the scanner; anything else through {@link Scalars}. */
    private XmlRpcValue readInteger(String type, boolean int32) throws XmlRpcParseException {
        int event = xml.next();
        if (event == XmlScanner.TEXT && xml.textEndsAtEndTag()) {
            long value = xml.plainInteger();
            if (value != XmlScanner.NOT_PLAIN && (!int32 || value == (int) value)) {
                expectEnd(type);
                return new XmlRpcValue.Int(value);
            }
        }
        String text = readText(event, type);
        return new XmlRpcValue.Int(int32 ? Scalars.parseInt32(text) : Scalars.parseInt64(text));
    }

    private XmlRpcValue readNil() throws XmlRpcParseException {
        if (!readText("nil").isBlank()) {
            throw error("<nil/> must be empty");
        }
        return XmlRpcValue.Nil.INSTANCE;
    }

    private XmlRpcValue readArray() throws XmlRpcParseException {
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

    private XmlRpcValue readStruct() throws XmlRpcParseException {
        enter("struct");
        var members = new XmlRpcValue.Struct.ReadMembers();
        String tag;
        while ((tag = nextTag("struct")) != null) {
            if (!tag.equals("member")) {
                throw error("expected <member> in <struct> but got <" + tag + ">");
            }
            expectStart("name", "member");
            String name = readMemberName();
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

    /** Next event other than whitespace (the scanner already skips comments and processing instructions). */
    private int nextSignificant() throws XmlRpcParseException {
        while (true) {
            int event = xml.next();
            if (event != XmlScanner.TEXT || !xml.isWhitespace()) {
                return event;
            }
        }
    }

    private String describe(int event) {
        return switch (event) {
            case XmlScanner.START_ELEMENT -> "<" + xml.name() + ">";
            case XmlScanner.END_ELEMENT -> "</" + xml.name() + ">";
            case XmlScanner.TEXT -> "text";
            case XmlScanner.END_DOCUMENT -> "the end of the document";
            default -> "XML event " + event;
        };
    }

    private static String tagName(String tag, String parent) {
        return tag == null ? "</" + parent + ">" : "<" + tag + ">";
    }

    XmlRpcParseException error(String message) {
        return new XmlRpcParseException(message + " (" + xml.location() + ")");
    }
}
