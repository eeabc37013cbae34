package jsupervisor.daemon.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Session ids and the per-session form tokens that every state-changing web action must carry (a deliberate
 * deviation from Supervisor, whose plain GET links any other site can trigger: docs/compatibility.md).
 *
 * <p>A session id is 32 random bytes in a cookie ({@code HttpOnly; SameSite=Strict}); the token a page embeds in
 * its forms is {@code HMAC-SHA256(secret, session id + user)}. Nothing is stored per session: a token is valid
 * exactly when it is the HMAC of the request's own session cookie, so a site that cannot read our pages cannot
 * produce one, and a cookie planted by someone else is useless without our secret. The secret is random and
 * lives as long as the daemon's JVM, so tokens survive a reload but not a restart of the process. It is drawn
 * when the first page needs it, which keeps {@link SecureRandom}'s set-up out of the daemon's start-up.
 *
 * <p>Thread-safe: the secret is set once under a lock; {@link Mac} instances are made per call.
 */
public final class SessionTokens {
    static final String COOKIE = "jsupervisor_session";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final java.util.function.Supplier<SecureRandom> randomSource;
    private byte[] secret;
    private SecureRandom random;

    SessionTokens(java.util.function.Supplier<SecureRandom> randomSource) {
        this.randomSource = randomSource;
    }

    /** Tokens with a random secret, drawn on first use: one instance per daemon process. */
    public static SessionTokens random() {
        return new SessionTokens(SecureRandom::new);
    }

    private synchronized SecureRandom rng() {
        if (random == null) {
            random = randomSource.get();
            secret = new byte[32];
            random.nextBytes(secret);
        }
        return random;
    }

    private synchronized byte[] secret() {
        rng();
        return secret;
    }

    /** A new session id (43 URL-safe characters). */
    String newSessionId() {
        byte[] id = new byte[32];
        rng().nextBytes(id);
        return B64.encodeToString(id);
    }

    /** True when {@code id} has the shape of an id we issue; anything else in the cookie is ignored. */
    static boolean wellFormed(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The {@code Set-Cookie} value that starts session {@code id}. */
    static String cookie(String id) {
        return COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict";
    }

    /** The form token of session {@code id} for {@code user} (null without authentication). */
    String token(String id, String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            mac.update(id.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            if (user != null) {
                mac.update(user.getBytes(StandardCharsets.UTF_8));
            }
            return B64.encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** True when {@code token} belongs to session {@code id} and {@code user}; compared in constant time. */
    boolean valid(String id, String user, String token) {
        if (!wellFormed(id) || token == null) {
            return false;
        }
        return MessageDigest.isEqual(token(id, user).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }
}
