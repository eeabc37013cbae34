package jsupervisor.common.xmlrpc;

/**
 * A fixed list of strings and their characters, so that a scanner can hand out the constant equal to a range of
 * its buffer instead of a new string: names it would otherwise allocate, hash and compare again and again (the
 * XML-RPC element names, the member names of Supervisor's structs). Immutable.
 */
final class ConstantNames {
    private final String[] names;
    private final char[][] chars;

    private ConstantNames(String[] names) {
        this.names = names.clone();
        this.chars = new char[names.length][];
        for (int i = 0; i < names.length; i++) {
            chars[i] = names[i].toCharArray();
        }
    }

    static ConstantNames of(String... names) {
        return new ConstantNames(names);
    }

    String name(int index) {
        return names[index];
    }

    /** The length of the name at {@code index}. */
    int length(int index) {
        return chars[index].length;
    }

    /** Whether the name at {@code index} equals {@code buf[first, first + length)}. */
    boolean matches(int index, char[] buf, int first, int length) {
        char[] k = chars[index];
        if (k.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (k[i] != buf[first + i]) {
                return false;
            }
        }
        return true;
    }

    /** The index of the name equal to {@code buf[first, first + length)}, or -1 (a search of the whole list). */
    int indexOf(char[] buf, int first, int length) {
        for (int n = 0; n < chars.length; n++) {
            if (matches(n, buf, first, length)) {
                return n;
            }
        }
        return -1;
    }
}
