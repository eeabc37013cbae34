package jsupervisor.ctl.commands;

import java.util.Locale;

/**
 * The parts of Python's {@code urllib.parse.urlparse} that supervisorctl looks at: the scheme, and whether a
 * value counts as a URL at all ({@code datatypes.url}: a scheme plus a netloc or a path). Stateless.
 */
public final class UrlCheck {
    private static final String SCHEME_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.";

    private UrlCheck() {}

    /** The lower-cased scheme, or {@code ""} when there is none. */
    public static String scheme(String url) {
        int i = url.indexOf(':');
        if (i <= 0 || !(url.charAt(0) < 128 && Character.isLetter(url.charAt(0)))) {
            return "";
        }
        for (int k = 0; k < i; k++) {
            if (SCHEME_CHARS.indexOf(url.charAt(k)) < 0) {
                return "";
            }
        }
        return url.substring(0, i).toLowerCase(Locale.ROOT);
    }

    /** {@code datatypes.url(value)} accepts it. */
    public static boolean isUrl(String url) {
        String scheme = scheme(url);
        if (scheme.isEmpty()) {
            return false;
        }
        String rest = url.substring(scheme.length() + 1);
        String netloc = "";
        if (rest.startsWith("//")) {
            int end = rest.length();
            for (int k = 2; k < rest.length(); k++) {
                if ("/?#".indexOf(rest.charAt(k)) >= 0) {
                    end = k;
                    break;
                }
            }
            netloc = rest.substring(2, end);
            rest = rest.substring(end);
        }
        int cut = rest.length();
        for (int k = 0; k < rest.length(); k++) {
            if (rest.charAt(k) == '?' || rest.charAt(k) == '#') {
                cut = k;
                break;
            }
        }
        String path = rest.substring(0, cut);
        int semi = path.lastIndexOf(';');
        if (semi >= 0 && path.lastIndexOf('/') < semi) {
            path = path.substring(0, semi);
        }
        return !netloc.isEmpty() || !path.isEmpty();
    }
}
