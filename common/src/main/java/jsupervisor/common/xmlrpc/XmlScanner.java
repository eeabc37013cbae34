package jsupervisor.common.xmlrpc;

/**
 * A strict, non-validating pull scanner for one XML 1.0 document held in a {@code char[]}: the subset of XML
 * that XML-RPC peers write, with every well-formedness rule that subset touches. It reports start tags, end
 * tags, text and the end of the document; comments, processing instructions and whitespace outside the root
 * element are consumed silently.
 *
 * <p>Hostile input has nothing to reach: there is no DTD support at all. A DOCTYPE is refused where it
 * starts, and the only references are the five predefined entities and character references, so no file,
 * URL or entity expansion can happen. Text is checked against XML's {@code Char} production, line ends in
 * text are normalised to {@code \n} as every XML parser does, element names must match and nest at most
 * {@code maxElementDepth} deep, and a prefixed name needs its {@code xmlns:} declaration (namespace-aware
 * parsers refuse an unbound prefix). Attributes are checked and otherwise ignored: XML-RPC has none.
 *
 * <p>Replaces the JDK's StAX parser, whose factory set-up and cold code paths dominated the start-up of a
 * short-lived supervisorctl (DESIGN.md, start-up). Single use, confined to the thread that reads the document.
 *
 * <p>Longer than most files here: markup, text and references all move one cursor over one buffer and report
 * errors at its position, so they stay together; names ({@link XmlNames}) and namespace prefixes
 * ({@link XmlPrefixes}), which need neither, live apart.
 */
final class XmlScanner {
    static final int START_ELEMENT = 1;
    static final int END_ELEMENT = 2;
    /** Character data, with references resolved, CDATA sections merged in and line ends normalised. */
    static final int TEXT = 3;
    static final int END_DOCUMENT = 4;

    private final char[] buf;
    private final int start;
    private final int end;
    private final int maxElementDepth;
    private int pos;

    private String[] open = new String[16]; // qualified names of the open elements
    private int[] openKnown = new int[16]; // their XmlNames indexes, or -1
    private int depth;
    private boolean rootSeen;
    private boolean emptyElement; // the START just returned was <x/>: its END comes next

    private final XmlPrefixes prefixes = new XmlPrefixes();

    private String name; // qualified
    private String localName;
    private int lastKnown; // the XmlNames index of the last name scanned, or -1
    private String text; // made on demand: most text between tags is whitespace nobody asks for
    private int textFrom;
    private int textTo;
    private boolean whitespace;

    XmlScanner(char[] buf, int start, int end, int maxElementDepth) {
        this.buf = buf;
        this.start = start;
        this.pos = start;
        this.end = end;
        this.maxElementDepth = maxElementDepth;
    }

    /** The local name of the current start or end tag. */
    String name() {
        if (localName == null) {
            int colon = name.indexOf(':');
            localName = colon < 0 ? name : name.substring(colon + 1);
        }
        return localName;
    }

    /** The current text. */
    String text() {
        if (text == null) {
            text = new String(buf, textFrom, textTo - textFrom);
        }
        return text;
    }

    /** What {@link #plainInteger()} answers for any other text. */
    static final long NOT_PLAIN = Long.MIN_VALUE;

    /**
     * The current text as a number if it is 1 to 18 ASCII digits after an optional sign and nothing else, as
     * every writer sends an {@code <int>}; {@link #NOT_PLAIN} otherwise (the caller then judges the text).
     * Reads the buffer directly: the thousands of integers in a big answer then make no strings.
     */
    long plainInteger() {
        if (text != null) {
            return NOT_PLAIN; // made of references or CDATA
        }
        int i = textFrom;
        boolean negative = false;
        if (i < textTo && (buf[i] == '-' || buf[i] == '+')) {
            negative = buf[i] == '-';
            i++;
        }
        if (textTo - i < 1 || textTo - i > 18) {
            return NOT_PLAIN;
        }
        long value = 0;
        for (; i < textTo; i++) {
            char c = buf[i];
            if (c < '0' || c > '9') {
                return NOT_PLAIN;
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    /** The current text ends where an end tag starts: the next event is that end tag (or a malformed one). */
    boolean textEndsAtEndTag() {
        return pos + 1 < end && buf[pos] == '<' && buf[pos + 1] == '/';
    }

    /**
     * The current text as the entry of {@code names} equal to it when there is one, else as {@link #text()}
     * makes it: strings a caller hashes and compares again and again are then constants, equal by identity.
     */
    String text(ConstantNames names) {
        if (text == null) {
            int n = names.indexOf(buf, textFrom, textTo - textFrom);
            if (n >= 0) {
                return names.name(n);
            }
        }
        return text();
    }

    /** The current text holds only spaces, tabs and line ends. */
    boolean isWhitespace() {
        return whitespace;
    }

    /** The next event. */
    int next() throws XmlRpcParseException {
        if (emptyElement) {
            emptyElement = false;
            close();
            return END_ELEMENT;
        }
        while (true) {
            if (pos >= end) {
                if (depth > 0) {
                    throw malformed("the document ends inside <" + open[depth - 1] + ">");
                }
                if (!rootSeen) {
                    throw malformed("the document has no root element");
                }
                return END_DOCUMENT;
            }
            if (buf[pos] != '<') {
                if (depth == 0) {
                    skipOutsideRoot();
                    continue;
                }
                scanText();
                return TEXT;
            }
            char after = pos + 1 < end ? buf[pos + 1] : 0;
            if (after == '/') {
                scanEndTag();
                return END_ELEMENT;
            } else if (after == '?') {
                skipProcessingInstruction();
            } else if (after != '!') {
                scanStartTag();
                return START_ELEMENT;
            } else if (startsWith("<!--")) {
                skipComment();
            } else if (startsWith("<![CDATA[")) {
                if (depth == 0) {
                    throw malformed("a CDATA section outside the root element");
                }
                scanText();
                return TEXT;
            } else if (startsWith("<!DOCTYPE")) {
                throw new XmlRpcParseException("a DOCTYPE is not allowed (" + location() + ")");
            } else {
                throw malformed("unknown markup after '<!'");
            }
        }
    }

    /** Where the scanner is, as {@code line L, column C} (1-based), for messages. */
    String location() {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < pos && i < end; i++) {
            if (buf[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (pos - lineStart + 1);
    }

    XmlRpcParseException malformed(String reason) {
        return new XmlRpcParseException("malformed XML: " + reason + " (" + location() + ")");
    }

    // --- markup ---

    private void scanStartTag() throws XmlRpcParseException {
        pos++; // '<'
        String qname = scanName("an element name");
        int known = lastKnown;
        String local = known >= 0 ? qname : null;
        String[] attributes = null;
        int attributeCount = 0;
        while (true) {
            boolean spaced = skipSpace();
            if (pos >= end) {
                throw malformed("the document ends inside the tag <" + qname + ">");
            }
            char c = buf[pos];
            if (c == '>') {
                pos++;
                break;
            }
            if (c == '/') {
                if (pos + 1 < end && buf[pos + 1] == '>') {
                    pos += 2;
                    emptyElement = true;
                    break;
                }
                throw malformed("'/' must be followed by '>' in <" + qname + ">");
            }
            if (!spaced) {
                throw malformed("expected whitespace, '>' or '/>' in <" + qname + ">");
            }
            String attribute = scanName("an attribute name");
            for (int i = 0; i < attributeCount; i++) {
                if (attributes[i].equals(attribute)) {
                    throw malformed("attribute '" + attribute + "' appears twice in <" + qname + ">");
                }
            }
            if (attributes == null) {
                attributes = new String[4];
            } else if (attributeCount == attributes.length) {
                attributes = java.util.Arrays.copyOf(attributes, attributeCount * 2);
            }
            attributes[attributeCount++] = attribute;
            skipSpace();
            if (pos >= end || buf[pos] != '=') {
                throw malformed("expected '=' after attribute '" + attribute + "'");
            }
            pos++;
            skipSpace();
            String value = scanAttributeValue(attribute);
            if (attribute.startsWith("xmlns:")) {
                declarePrefix(attribute.substring(6), value);
            }
        }
        if (local == null) {
            uriOf(qname); // an XML-RPC name has no prefix to check
        }
        if (attributes != null) {
            checkAttributeNames(attributes, attributeCount, qname);
        }
        if (depth == 0 && rootSeen) {
            throw malformed("a second root element <" + qname + ">");
        }
        if (depth >= maxElementDepth) {
            throw malformed("elements nested deeper than " + maxElementDepth);
        }
        if (depth == open.length) {
            open = java.util.Arrays.copyOf(open, depth * 2);
            openKnown = java.util.Arrays.copyOf(openKnown, depth * 2);
        }
        openKnown[depth] = known;
        open[depth++] = qname;
        rootSeen = true;
        name = qname;
        localName = local;
    }

    private void scanEndTag() throws XmlRpcParseException {
        if (depth > 0 && openKnown[depth - 1] >= 0 && closesKnown(openKnown[depth - 1])) {
            return;
        }
        pos += 2; // "</"
        String qname = scanName("an element name");
        String local = lastKnown >= 0 ? qname : null;
        skipSpace();
        if (pos >= end || buf[pos] != '>') {
            throw malformed("expected '>' to close </" + qname + ">");
        }
        pos++;
        if (depth == 0) {
            throw malformed("an end tag </" + qname + "> outside the root element");
        }
        if (!open[depth - 1].equals(qname)) {
            throw malformed("the end tag </" + qname + "> does not match <" + open[depth - 1] + ">");
        }
        name = qname;
        localName = local;
        close();
    }

    /**
     * The usual end tag, {@code </name>} of the open element when that is an XML-RPC name, matched against the
     * buffer in one comparison; false, with nothing consumed, for anything else, which the general path reads.
     */
    private boolean closesKnown(int known) {
        int length = XmlNames.length(known);
        int at = pos + 2;
        if (at + length >= end || buf[at + length] != '>' || !XmlNames.matches(known, buf, at, length)) {
            return false;
        }
        pos = at + length + 1;
        name = XmlNames.name(known);
        localName = name;
        close();
        return true;
    }

    private void close() {
        depth--;
        prefixes.leave(depth);
    }

    /** A Name; known XML-RPC names come back as constants. */
    private String scanName(String what) throws XmlRpcParseException {
        int first = pos;
        if (pos < end && XmlNames.isNameStart(buf[pos])) {
            pos++;
        } else if (XmlNames.isSupplementary(buf, pos, end)) {
            pos += 2;
        } else {
            throw malformed("expected " + what);
        }
        while (pos < end) {
            char c = buf[pos];
            if (c < 128) {
                if (!XmlNames.ASCII_NAME_CHAR[c]) {
                    break;
                }
                pos++;
            } else if (XmlNames.isNameChar(c)) {
                pos++;
            } else if (XmlNames.isSupplementary(buf, pos, end)) {
                pos += 2;
            } else {
                break;
            }
        }
        lastKnown = XmlNames.known(buf, first, pos - first);
        return lastKnown >= 0 ? XmlNames.name(lastKnown) : new String(buf, first, pos - first);
    }

    private String scanAttributeValue(String attribute) throws XmlRpcParseException {
        if (pos >= end || (buf[pos] != '"' && buf[pos] != '\'')) {
            throw malformed("the value of attribute '" + attribute + "' must be quoted");
        }
        char quote = buf[pos++];
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= end) {
                throw malformed("the document ends inside the value of attribute '" + attribute + "'");
            }
            char c = buf[pos];
            if (c == quote) {
                pos++;
                return value.toString();
            }
            if (c == '<') {
                throw malformed("'<' in the value of attribute '" + attribute + "'");
            }
            if (c == '&') {
                appendReference(value);
            } else {
                int n = checkChar(pos);
                value.append(buf, pos, n);
                pos += n;
            }
        }
    }

    private void declarePrefix(String prefix, String uri) throws XmlRpcParseException {
        if (!prefixes.declare(prefix, uri, depth + 1)) { // depth + 1: the element being read, once pushed
            throw malformed("bad namespace declaration of prefix '" + prefix + "'");
        }
    }

    /**
     * The namespace URI of a prefixed name (null without a prefix); a qualified name is {@code local} or
     * {@code prefix:local} with a declared (or the xml) prefix.
     */
    private String uriOf(String qname) throws XmlRpcParseException {
        int colon = qname.indexOf(':');
        if (colon < 0) {
            return null;
        }
        if (colon == 0 || colon == qname.length() - 1 || qname.indexOf(':', colon + 1) >= 0) {
            throw malformed("'" + qname + "' is not a qualified name");
        }
        String prefix = qname.substring(0, colon);
        String uri = prefixes.uri(prefix);
        if (uri == null) {
            throw malformed("the prefix '" + prefix + "' of '" + qname + "' is not bound");
        }
        return uri;
    }

    /** Prefixes are bound, and no two attributes share a namespace URI and local name. */
    private void checkAttributeNames(String[] attributes, int count, String element) throws XmlRpcParseException {
        String[] expanded = null;
        for (int i = 0; i < count; i++) {
            if (attributes[i].startsWith("xmlns:")) {
                continue;
            }
            String uri = uriOf(attributes[i]);
            if (uri == null) {
                continue;
            }
            if (expanded == null) {
                expanded = new String[count];
            }
            expanded[i] = "{" + uri + "}" + attributes[i].substring(attributes[i].indexOf(':') + 1);
            for (int j = 0; j < i; j++) {
                if (expanded[i].equals(expanded[j])) {
                    throw malformed("attributes '" + attributes[j] + "' and '" + attributes[i] + "' of <" + element
                            + "> have the same namespace and name");
                }
            }
        }
    }

    private void skipComment() throws XmlRpcParseException {
        pos += 4; // "<!--"
        while (true) {
            if (pos + 1 >= end) {
                throw malformed("the document ends inside a comment");
            }
            if (buf[pos] == '-' && buf[pos + 1] == '-') {
                if (pos + 2 < end && buf[pos + 2] == '>') {
                    pos += 3;
                    return;
                }
                throw malformed("'--' inside a comment");
            }
            pos += checkChar(pos);
        }
    }

    private void skipProcessingInstruction() throws XmlRpcParseException {
        int at = pos;
        pos += 2; // "<?"
        String target = scanName("a processing instruction target");
        if (target.equalsIgnoreCase("xml")) {
            if (at != start || !target.equals("xml")) {
                throw malformed("an XML declaration is allowed only at the start of the document");
            }
            scanXmlDeclaration();
            return;
        }
        if (pos < end && !isSpace(buf[pos]) && !startsWith("?>")) {
            throw malformed("expected whitespace after <?" + target);
        }
        while (true) {
            if (pos + 1 >= end) {
                throw malformed("the document ends inside a processing instruction");
            }
            if (buf[pos] == '?' && buf[pos + 1] == '>') {
                pos += 2;
                return;
            }
            pos += checkChar(pos);
        }
    }

    /** {@code <?xml version="1.x" [encoding="..."] [standalone="yes|no"]?>}; the encoding is not used. */
    private void scanXmlDeclaration() throws XmlRpcParseException {
        String version = declarationValue("version", true);
        if (version.length() < 3 || !version.startsWith("1.") || !allMatch(version, 2, "0123456789")) {
            throw malformed("the XML declaration needs version=\"1.x\"");
        }
        String encoding = declarationValue("encoding", false);
        if (encoding != null && (encoding.isEmpty() || !isAsciiLetter(encoding.charAt(0))
                || !allMatch(encoding, 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-"))) {
            throw malformed("bad encoding name in the XML declaration");
        }
        String standalone = declarationValue("standalone", false);
        if (standalone != null && !standalone.equals("yes") && !standalone.equals("no")) {
            throw malformed("standalone must be yes or no in the XML declaration");
        }
        skipSpace();
        if (!startsWith("?>")) {
            throw malformed("the XML declaration must end with '?>'");
        }
        pos += 2;
    }

    private String declarationValue(String key, boolean required) throws XmlRpcParseException {
        int mark = pos;
        boolean spaced = skipSpace();
        if (!spaced || !startsWith(key)) {
            pos = mark;
            if (required) {
                throw malformed("the XML declaration needs " + key);
            }
            return null;
        }
        pos += key.length();
        skipSpace();
        if (pos >= end || buf[pos] != '=') {
            throw malformed("expected '=' after " + key);
        }
        pos++;
        skipSpace();
        if (pos >= end || (buf[pos] != '"' && buf[pos] != '\'')) {
            throw malformed(key + " must be quoted");
        }
        char quote = buf[pos++];
        int from = pos;
        while (pos < end && buf[pos] != quote && buf[pos] != '<' && buf[pos] != '>') {
            pos++;
        }
        if (pos >= end || buf[pos] != quote) {
            throw malformed("unterminated " + key + " in the XML declaration");
        }
        return new String(buf, from, pos++ - from);
    }

    /** Outside the root element only whitespace may appear between markup. */
    private void skipOutsideRoot() throws XmlRpcParseException {
        while (pos < end && buf[pos] != '<') {
            if (!isSpace(buf[pos])) {
                throw malformed(rootSeen ? "content after the root element" : "content before the root element");
            }
            pos++;
        }
    }

    // --- text ---

    /**
     * Character data up to the next tag, comment or processing instruction, with CDATA sections merged in.
     * Builds a copy only when a reference, a CR or a CDATA section makes the text differ from the input.
     */
    private void scanText() throws XmlRpcParseException {
        int runStart = pos;
        StringBuilder copy = null;
        boolean blank = true;
        while (pos < end) {
            char c = buf[pos];
            if (c == '<') {
                if (pos + 1 >= end || buf[pos + 1] != '!' || !startsWith("<![CDATA[")) {
                    break;
                }
                copy = flush(copy, runStart);
                pos += 9;
                blank &= scanCdata(copy);
                runStart = pos;
            } else if (c == '&') {
                copy = flush(copy, runStart);
                appendReference(copy);
                blank &= isSpace(copy.charAt(copy.length() - 1));
                runStart = pos;
            } else if (c == '\r') {
                copy = flush(copy, runStart);
                copy.append('\n');
                pos += pos + 1 < end && buf[pos + 1] == '\n' ? 2 : 1;
                runStart = pos;
            } else if (c == ']' && startsWith("]]>")) {
                throw malformed("']]>' in text");
            } else if (c >= 0x20 && c < 0xD800) { // the common case, without a call
                blank &= c == ' ';
                pos++;
            } else {
                blank &= c == '\t' || c == '\n';
                pos += checkChar(pos);
            }
        }
        if (copy == null) {
            text = null;
            textFrom = runStart;
            textTo = pos;
        } else {
            copy.append(buf, runStart, pos - runStart);
            text = copy.toString();
        }
        whitespace = blank;
    }

    private StringBuilder flush(StringBuilder copy, int runStart) {
        if (copy == null) {
            copy = new StringBuilder(pos - runStart + 16);
        }
        return copy.append(buf, runStart, pos - runStart);
    }

    /** The content of a CDATA section whose {@code <![CDATA[} was consumed; true if it is blank. */
    private boolean scanCdata(StringBuilder into) throws XmlRpcParseException {
        boolean blank = true;
        while (true) {
            if (pos + 2 >= end) {
                throw malformed("the document ends inside a CDATA section");
            }
            char c = buf[pos];
            if (c == ']' && buf[pos + 1] == ']' && buf[pos + 2] == '>') {
                pos += 3;
                return blank;
            }
            if (c == '\r') {
                into.append('\n');
                pos += buf[pos + 1] == '\n' ? 2 : 1;
                continue;
            }
            int n = checkChar(pos);
            into.append(buf, pos, n);
            blank &= c == ' ' || c == '\t' || c == '\n';
            pos += n;
        }
    }

    /** A reference at {@code pos} ({@code &amp;}, {@code &#65;}, {@code &#x41;}), appended resolved. */
    private void appendReference(StringBuilder into) throws XmlRpcParseException {
        pos++; // '&'
        if (pos < end && buf[pos] == '#') {
            pos++;
            int radix = 10;
            if (pos < end && buf[pos] == 'x') {
                radix = 16;
                pos++;
            }
            int start = pos;
            int code = 0;
            while (pos < end && Character.digit(buf[pos], radix) >= 0 && buf[pos] < 128) {
                code = code * radix + Character.digit(buf[pos], radix);
                if (code > Character.MAX_CODE_POINT) {
                    throw malformed("character reference out of range");
                }
                pos++;
            }
            if (pos == start || pos >= end || buf[pos] != ';') {
                throw malformed("bad character reference");
            }
            pos++;
            if (!isXmlChar(code)) {
                throw malformed("a reference to a character XML does not allow (Unicode: 0x"
                        + Integer.toHexString(code) + ")");
            }
            into.appendCodePoint(code);
            return;
        }
        String entity = scanName("an entity name after '&'");
        if (pos >= end || buf[pos] != ';') {
            throw malformed("the reference to entity '" + entity + "' must end with ';'");
        }
        pos++;
        switch (entity) {
            case "lt" -> into.append('<');
            case "gt" -> into.append('>');
            case "amp" -> into.append('&');
            case "quot" -> into.append('"');
            case "apos" -> into.append('\'');
            default -> throw malformed("the entity '" + entity + "' was referenced, but not declared");
        }
    }

    // --- characters ---

    /** How many chars the character at {@code i} takes (1, or 2 for a surrogate pair); refuses what XML does. */
    private int checkChar(int i) throws XmlRpcParseException {
        char c = buf[i];
        if (c >= 0x20 && c < 0xD800) {
            return 1;
        }
        if (c == '\t' || c == '\n' || c == '\r' || (c >= 0xE000 && c <= 0xFFFD)) {
            return 1;
        }
        if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(buf[i + 1])) {
            return 2;
        }
        pos = i;
        throw malformed("a character XML does not allow (Unicode: 0x" + Integer.toHexString(c) + ")");
    }

    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    // --- small helpers ---

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Every char of {@code s} from {@code from} on is one of {@code allowed}. */
    private static boolean allMatch(String s, int from, String allowed) {
        for (int i = from; i < s.length(); i++) {
            if (allowed.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWith(String s) {
        if (end - pos < s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (buf[pos + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Skips whitespace; true if there was some. */
    private boolean skipSpace() {
        int from = pos;
        while (pos < end) {
            char c = buf[pos];
            if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
                break;
            }
            pos++;
        }
        return pos > from;
    }
}
