package jsupervisor.daemon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class SessionTokensTest {
    private final SessionTokens tokens = SessionTokens.random();

    @Test
    void aTokenIsValidForItsOwnSessionAndUserOnly() {
        String a = tokens.newSessionId();
        String b = tokens.newSessionId();
        assertThat(a).isNotEqualTo(b).hasSize(43);
        String token = tokens.token(a, "admin");
        assertThat(tokens.valid(a, "admin", token)).isTrue();
        assertThat(tokens.valid(b, "admin", token)).isFalse();
        assertThat(tokens.valid(a, "other", token)).isFalse();
        assertThat(tokens.valid(a, null, token)).isFalse();
        assertThat(tokens.valid(a, null, tokens.token(a, null))).isTrue();
    }

    @Test
    void malformedSessionsAndTokensAreInvalid() {
        String a = tokens.newSessionId();
        assertThat(tokens.valid(a, null, null)).isFalse();
        assertThat(tokens.valid(a, null, "")).isFalse();
        assertThat(tokens.valid(a, null, tokens.token(a, null) + "x")).isFalse();
        assertThat(tokens.valid("short", null, tokens.token("short", null))).isFalse();
        assertThat(tokens.valid(a, null, "é".repeat(43))).isFalse();
    }

    @Test
    void anotherSecretMakesOtherTokens() {
        SessionTokens other = new SessionTokens(SecureRandom::new);
        String a = tokens.newSessionId();
        assertThat(other.valid(a, null, tokens.token(a, null))).isFalse();
    }

    @Test
    void theCookieIsHttpOnlyAndStrictlySameSite() {
        assertThat(SessionTokens.cookie("x")).isEqualTo("jsupervisor_session=x; Path=/; HttpOnly; SameSite=Strict");
    }
}
