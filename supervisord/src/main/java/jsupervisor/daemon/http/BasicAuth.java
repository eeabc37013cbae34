package jsupervisor.daemon.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import jsupervisor.common.ini.PythonRepr;
import jsupervisor.daemon.config.HttpServerConfig;

/**
 * HTTP Basic authentication for one server section: a single user whose configured password is clear text
 * or {@code {SHA}<hex sha1>}. Immutable and thread-safe.
 *
 * <p>Mirrors supervisor/http.py {@code supervisor_auth_handler} and medusa's {@code auth_handler}: a missing
 * header, another scheme or wrong credentials give 401 with {@code WWW-Authenticate: Basic realm="default"};
 * credentials that are not base64 or not UTF-8 give 400 ("malformed authorization info"). One departure:
 * decoded credentials without a colon are a plain 401 here, where Python fails to unpack them and answers
 * 500. Comparisons go through {@link MessageDigest#isEqual} so their time does not depend on where the
 * first difference is.
 */
public final class BasicAuth {
    /** The realm Supervisor always uses. */
    public static final String CHALLENGE = "Basic realm=\"default\"";

    /** The outcome of {@link #check}. */
    public sealed interface Result {
        /** Credentials matched; {@code user} goes to {@link HttpRequest#authenticatedUser()}. */
        record Accepted(String user) implements Result {}

        /** Missing, unsupported or wrong credentials: answer 401 and close. */
        record Rejected() implements Result {}

        /** Undecodable credentials: answer 400. */
        record Malformed() implements Result {}
    }

    private final byte[] username;
    private final byte[] expected;
    private final boolean sha;
    private final String user;

    /** A checker for {@code username} and its configured {@code password} (clear or {@code {SHA}hex}). */
    public BasicAuth(String username, String password) {
        this.user = username;
        this.username = username.getBytes(StandardCharsets.UTF_8);
        this.sha = password.startsWith("{SHA}");
        String stored = sha ? password.substring(5) : password;
        this.expected = stored.getBytes(StandardCharsets.UTF_8);
    }

    /** The checker a server section asks for, or null when it has no username (no checking at all). */
    public static BasicAuth forConfig(HttpServerConfig config) {
        return config.username() == null ? null : new BasicAuth(config.username(), config.password());
    }

    /**
     * The CRIT line supervisord logs for a section without a username, e.g.
     * {@code Server 'unix_http_server' running without any HTTP authentication checking}.
     */
    public static String unauthenticatedWarning(String section) {
        return "Server " + PythonRepr.of(section) + " running without any HTTP authentication checking";
    }

    /** Checks an {@code Authorization} header value (null when the header is absent). */
    public Result check(String authorization) {
        if (authorization == null) {
            return new Result.Rejected();
        }
        int space = authorization.indexOf(' ');
        if (space < 0 || !authorization.substring(0, space).toLowerCase(Locale.ROOT).equals("basic")) {
            return new Result.Rejected();
        }
        String credentials;
        try {
            byte[] decoded = Base64.getMimeDecoder().decode(authorization.substring(space + 1).strip());
            credentials = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return new Result.Malformed();
        }
        int colon = credentials.indexOf(':');
        if (colon < 0) {
            return new Result.Rejected();
        }
        byte[] givenUser = credentials.substring(0, colon).getBytes(StandardCharsets.UTF_8);
        String password = credentials.substring(colon + 1);
        byte[] given = sha ? sha1Hex(password) : password.getBytes(StandardCharsets.UTF_8);
        // evaluate both comparisons unconditionally: no early exit on a wrong user name
        boolean userOk = MessageDigest.isEqual(givenUser, username);
        boolean passwordOk = MessageDigest.isEqual(given, expected);
        return userOk && passwordOk ? new Result.Accepted(user) : new Result.Rejected();
    }

    private static byte[] sha1Hex(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
            // Python's hexdigest() is lower case; the stored value is compared as written
            return HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
