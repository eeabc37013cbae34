package jsupervisor.daemon.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jsupervisor.daemon.http.HttpHeader;
import jsupervisor.daemon.http.HttpRequest;

/**
 * Decides whether a request may run a state-changing action: it must be a POST that carries the form token of its
 * own session cookie ({@link SessionTokens}) and come from a page of this same origin. Browsers tell the origin in
 * {@code Origin} (every POST), {@code Sec-Fetch-Site} and {@code Referer}; a request that names another origin,
 * or none at all, is refused. Basic authentication is not enough on its own, since a browser replays it on
 * requests that other sites make (the cross-site request forgery Supervisor's GET links allow). Thread-safe.
 */
final class ActionGuard {
    /** Why a request was refused; the text is shown to the operator. */
    enum Refusal {
        NOT_POST("Actions that change something must be sent with POST from the status page."),
        CROSS_ORIGIN("The request came from another site or did not say where it came from."),
        NO_SESSION("The request carried no session cookie: reload the status page (cookies must be enabled)."),
        BAD_TOKEN("The form was stale or not from this server: reload the status page and try again.");

        private final String text;

        Refusal(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }
    }

    private final SessionTokens tokens;

    ActionGuard(SessionTokens tokens) {
        this.tokens = tokens;
    }

    SessionTokens tokens() {
        return tokens;
    }

    /** Null when {@code request} may act, otherwise why not. */
    Refusal check(HttpRequest request, String token) {
        if (!request.method().equals("POST")) {
            return Refusal.NOT_POST;
        }
        if (!sameOrigin(request.header("Host"), request.header("Sec-Fetch-Site"), request.header("Origin"),
                request.header("Referer"))) {
            return Refusal.CROSS_ORIGIN;
        }
        List<String> sessions = sessions(request);
        if (sessions.isEmpty()) {
            return Refusal.NO_SESSION;
        }
        for (String id : sessions) {
            if (tokens.valid(id, request.authenticatedUser(), token)) {
                return null;
            }
        }
        return Refusal.BAD_TOKEN;
    }

    /** The well-formed session ids among the request's cookies (normally one). */
    static List<String> sessions(HttpRequest request) {
        return sessions(request.headers().stream().filter(h -> h.name().equalsIgnoreCase("Cookie"))
                .map(HttpHeader::value).toList());
    }

    /** The well-formed session ids in {@code Cookie} header values. */
    static List<String> sessions(List<String> cookieHeaders) {
        List<String> ids = new ArrayList<>();
        for (String header : cookieHeaders) {
            for (String piece : header.split(";")) {
                int eq = piece.indexOf('=');
                if (eq > 0 && piece.substring(0, eq).strip().equals(SessionTokens.COOKIE)) {
                    String id = piece.substring(eq + 1).strip();
                    if (SessionTokens.wellFormed(id)) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids;
    }

    /**
     * True when the request says it comes from a page of the host it was sent to. {@code Sec-Fetch-Site}, when
     * sent, must be {@code same-origin}; then {@code Origin} (or, without it, {@code Referer}) must name the
     * {@code Host} the request was sent to. The scheme is not compared: behind a TLS proxy the page is https
     * while we see http, and an attacker cannot serve pages from our host and port anyway.
     */
    static boolean sameOrigin(String host, String site, String origin, String referer) {
        if (host == null || host.isBlank()) {
            return false;
        }
        if (site != null && !site.strip().equalsIgnoreCase("same-origin")) {
            return false;
        }
        String claimed = origin != null ? origin : referer;
        if (claimed == null || claimed.strip().equalsIgnoreCase("null")) {
            return false;
        }
        String authority = authority(claimed.strip());
        return authority != null && normalise(authority).equals(normalise(host.strip()));
    }

    private static String authority(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getRawAuthority() == null || uri.getRawUserInfo() != null) {
                return null;
            }
            return uri.getRawAuthority();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Lower case, without a default port: {@code Host: example.org:80} and {@code http://example.org} agree. */
    private static String normalise(String authority) {
        String a = authority.toLowerCase(Locale.ROOT);
        if (a.endsWith(":80")) {
            return a.substring(0, a.length() - 3);
        }
        if (a.endsWith(":443")) {
            return a.substring(0, a.length() - 4);
        }
        return a;
    }
}
