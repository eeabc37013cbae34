package jsupervisor.common.xmlrpc;

import java.util.Arrays;

/**
 * The namespace prefixes in scope while {@link XmlScanner} reads a document: each {@code xmlns:p} declaration
 * with its URI and the depth of the element that made it, dropped when that element ends. XML-RPC documents
 * rarely declare any, so nothing is allocated until one does. Single use, like the scanner.
 */
final class XmlPrefixes {
    private static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

    private String[] prefixes;
    private String[] uris;
    private int[] depths;
    private int count;

    /** Declares {@code prefix} for the element at {@code depth}; false when the declaration is not allowed. */
    boolean declare(String prefix, String uri, int depth) {
        if (prefix.isEmpty() || prefix.indexOf(':') >= 0 || uri.isEmpty() || prefix.equals("xmlns")) {
            return false;
        }
        if (prefixes == null) {
            prefixes = new String[4];
            uris = new String[4];
            depths = new int[4];
        } else if (count == prefixes.length) {
            prefixes = Arrays.copyOf(prefixes, count * 2);
            uris = Arrays.copyOf(uris, count * 2);
            depths = Arrays.copyOf(depths, count * 2);
        }
        prefixes[count] = prefix;
        uris[count] = uri;
        depths[count] = depth;
        count++;
        return true;
    }

    /** The URI {@code prefix} is bound to, the innermost declaration first; null when it is not bound. */
    String uri(String prefix) {
        if (prefix.equals("xml")) {
            return XML_NAMESPACE;
        }
        for (int i = count - 1; i >= 0; i--) {
            if (prefixes[i].equals(prefix)) {
                return uris[i];
            }
        }
        return null;
    }

    /** Forgets the declarations of elements deeper than {@code depth}, which have ended. */
    void leave(int depth) {
        while (count > 0 && depths[count - 1] > depth) {
            count--;
        }
    }
}
