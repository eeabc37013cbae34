package jsupervisor.common.xmlrpc;

/**
 * XML 1.0 (fifth edition) names for {@link XmlScanner}: the NameStartChar and NameChar classes, and the element
 * names of XML-RPC, which a scan hands out as these constants so that the common tags allocate nothing.
 * Stateless; the tables are filled once.
 */
final class XmlNames {
    private static final ConstantNames KNOWN = ConstantNames.of("value", "member", "name", "string", "int", "i4",
            "i8", "boolean", "double", "struct", "array", "data", "param", "params", "methodResponse", "methodCall",
            "methodName", "fault", "base64", "dateTime.iso8601", "nil");
    /** NameChar for ASCII, looked up rather than computed: names are most of what a scanner reads. */
    static final boolean[] ASCII_NAME_CHAR = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_NAME_CHAR[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == ':' || c == '-' || c == '.';
        }
    }

    private XmlNames() {}

    /** The index of the XML-RPC name equal to {@code buf[first, first + length)}, or -1. */
    static int known(char[] buf, int first, int length) {
        int candidate = candidate(buf, first, length);
        return candidate >= 0 && KNOWN.matches(candidate, buf, first, length) ? candidate : -1;
    }

    /** The name constant of a {@link #known} index. */
    static String name(int index) {
        return KNOWN.name(index);
    }

    /** Whether the name of a {@link #known} index equals {@code buf[first, first + length)}. */
    static boolean matches(int index, char[] buf, int first, int length) {
        return KNOWN.matches(index, buf, first, length);
    }

    /** The length of the name of a {@link #known} index. */
    static int length(int index) {
        return KNOWN.length(index);
    }

    /** The index in {@link #KNOWN} of the only known name this one can be, or -1. */
    private static int candidate(char[] buf, int first, int length) {
        return switch (buf[first]) {
            case 'v' -> 0;
            case 'm' -> length == 6 ? 1 : length == 14 ? 14
                    : length == 10 ? (buf[first + 6] == 'C' ? 15 : 16) : -1;
            case 'n' -> length == 4 ? 2 : 20;
            case 's' -> length == 6 ? (buf[first + 3] == 'i' ? 3 : 9) : -1;
            case 'i' -> length == 3 ? 4 : length == 2 ? (buf[first + 1] == '4' ? 5 : 6) : -1;
            case 'b' -> length == 7 ? 7 : 18;
            case 'd' -> length == 6 ? 8 : length == 4 ? 11 : 19;
            case 'a' -> 10;
            case 'p' -> length == 5 ? 12 : 13;
            case 'f' -> 17;
            default -> -1;
        };
    }

    /** NameStartChar in the Basic Multilingual Plane. */
    static boolean isNameStart(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
        }
        return (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF)
                || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D)
                || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF)
                || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD);
    }

    /** NameChar in the Basic Multilingual Plane (supplementary characters: {@link #isSupplementary}). */
    static boolean isNameChar(char c) {
        if (c < 0x80) {
            return ASCII_NAME_CHAR[c];
        }
        return isNameStart(c) || c == 0xB7 || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
    }

    /** The surrogate pair at {@code buf[i]} is a name character (U+10000 to U+EFFFF, start or not). */
    static boolean isSupplementary(char[] buf, int i, int end) {
        if (i + 1 >= end || !Character.isHighSurrogate(buf[i]) || !Character.isLowSurrogate(buf[i + 1])) {
            return false;
        }
        int cp = Character.toCodePoint(buf[i], buf[i + 1]);
        return cp >= 0x10000 && cp <= 0xEFFFF;
    }
}
