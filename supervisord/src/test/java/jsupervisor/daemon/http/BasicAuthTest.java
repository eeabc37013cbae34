package jsupervisor.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import jsupervisor.daemon.config.HttpServerConfig;

/** The credential check of supervisor/http.py's encrypted_dictionary_authorizer and medusa's auth_handler. */
class BasicAuthTest {
    // sha1("test"), as echo -n test | sha1sum prints it
    private static final String SHA_OF_TEST = "{SHA}a94a8fe5ccb19ba61c4c0873d391e987982fbbd3";

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void clearTextPasswordMatches() {
        BasicAuth auth = new BasicAuth("user", "123");
        assertThat(auth.check(basic("user:123"))).isEqualTo(new BasicAuth.Result.Accepted("user"));
        assertThat(auth.check(basic("user:1234"))).isInstanceOf(BasicAuth.Result.Rejected.class);
        assertThat(auth.check(basic("other:123"))).isInstanceOf(BasicAuth.Result.Rejected.class);
    }

    @Test
    void shaPasswordComparesTheHexDigest() {
        BasicAuth auth = new BasicAuth("u", SHA_OF_TEST);
        assertThat(auth.check(basic("u:test"))).isInstanceOf(BasicAuth.Result.Accepted.class);
        assertThat(auth.check(basic("u:" + SHA_OF_TEST))).isInstanceOf(BasicAuth.Result.Rejected.class);
        assertThat(auth.check(basic("u:Test"))).isInstanceOf(BasicAuth.Result.Rejected.class);
    }

    @Test
    void passwordMayContainColonsAndNonAscii() {
        BasicAuth auth = new BasicAuth("ü", "a:b:é");
        assertThat(auth.check(basic("ü:a:b:é"))).isInstanceOf(BasicAuth.Result.Accepted.class);
    }

    @Test
    void schemeIsCaseInsensitive() {
        assertThat(new BasicAuth("u", "p").check("bAsIc " + basic("u:p").substring(6)))
                .isInstanceOf(BasicAuth.Result.Accepted.class);
    }

    @Test
    void missingHeaderOrOtherSchemeIsRejected() {
        BasicAuth auth = new BasicAuth("u", "p");
        assertThat(auth.check(null)).isInstanceOf(BasicAuth.Result.Rejected.class);
        assertThat(auth.check("Digest abc")).isInstanceOf(BasicAuth.Result.Rejected.class);
        assertThat(auth.check("Basic")).isInstanceOf(BasicAuth.Result.Rejected.class);
        assertThat(auth.check(basic("no colon at all"))).isInstanceOf(BasicAuth.Result.Rejected.class);
    }

    @Test
    void undecodableCredentialsAreMalformed() {
        BasicAuth auth = new BasicAuth("u", "p");
        assertThat(auth.check("Basic a")).isInstanceOf(BasicAuth.Result.Malformed.class);
        String latin1 = Base64.getEncoder().encodeToString("u:p\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(auth.check("Basic " + latin1)).isInstanceOf(BasicAuth.Result.Malformed.class);
    }

    @Test
    void configWithoutUsernameHasNoChecker() {
        assertThat(BasicAuth.forConfig(new HttpServerConfig.Inet("inet_http_server", "", 9001, null, null))).isNull();
        assertThat(BasicAuth.forConfig(new HttpServerConfig.Inet("inet_http_server", "", 9001, "u", "p")))
                .isNotNull();
    }

    @Test
    void unauthenticatedWarningQuotesTheSectionLikePythonRepr() {
        assertThat(BasicAuth.unauthenticatedWarning("unix_http_server"))
                .isEqualTo("Server 'unix_http_server' running without any HTTP authentication checking");
    }
}
