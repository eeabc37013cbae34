package jsupervisor.daemon.web;

import java.nio.charset.StandardCharsets;

/**
 * Escaping for everything the web UI writes: HTML text and attribute values, and URL quoting the way Python's
 * {@code urllib.parse.quote} does it (Supervisor's pages build their links with it, so {@code grp:a} becomes
 * {@code grp%3Aa}). Stateless.
 *
 * <p>The rule of the package: every string that comes from outside (config names, descriptions, log bytes, query
 * parameters) goes through {@link #escape} before it reaches a page, and through {@link #quote} before it reaches a
 * URL. Templates only ever receive what these methods produced.
 */
public final class Html {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Html() {}

    /** Escapes {@code & < > " '}: safe in element content and in quoted attribute values. Null becomes "". */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement == null && !Character.isISOControl(c) || c == '\n' || c == '\t' || c == '\r') {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            // other control characters are not allowed in HTML text: show them as U+FFFD
            out.append(replacement == null ? "\uFFFD" : replacement);
        }
        return out == null ? text : out.toString();
    }

    /**
     * Mirrors Python's {@code urllib.parse.quote(text)} (safe {@code /}): UTF-8, then every byte outside
     * {@code A-Z a-z 0-9 _ . - ~ /} as {@code %XX}.
     */
    public static String quote(String text) {
        return quote(text, "/");
    }

    /** {@code urllib.parse.quote(text, safe)}. */
    public static String quote(String text, String safe) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "_.-~".indexOf(c) >= 0 || safe.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        return out.toString();
    }
}
