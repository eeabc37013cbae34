package jsupervisor.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Basic authentication as the server applies it to every route, unknown paths included. */
class AuthIT {
    private static final HttpLimits LIMITS = TestServer.FAST;

    private static String authorization(String credentials) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))
                + "\r\n";
    }

    private static String get(TestServer server, String path, String extraHeaders) throws Exception {
        try (RawClient c = server.connect()) {
            return c.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + extraHeaders + "\r\n").readResponse();
        }
    }

    @Test
    void withoutUsernameEveryoneIsServed() throws Exception {
        try (TestServer server = new TestServer(LIMITS, null, null, null)) {
            assertThat(get(server, "/whoami", "")).startsWith("HTTP/1.1 200 OK").contains("\r\n\r\nnull|");
        }
    }

    @Test
    void clearTextPasswordAdmitsTheUser() throws Exception {
        try (TestServer server = new TestServer(LIMITS, "user", "123", null)) {
            assertThat(get(server, "/whoami", authorization("user:123"))).startsWith("HTTP/1.1 200 OK")
                    .contains("\r\n\r\nuser|");
        }
    }

    @Test
    void shaPasswordAdmitsTheUser() throws Exception {
        try (TestServer server = new TestServer(LIMITS, "u", "{SHA}a94a8fe5ccb19ba61c4c0873d391e987982fbbd3", null)) {
            assertThat(get(server, "/whoami", authorization("u:test"))).startsWith("HTTP/1.1 200 OK");
        }
    }

    @Test
    void wrongPasswordGets401WithSupervisorsChallengeAndCloses() throws Exception {
        try (TestServer server = new TestServer(LIMITS, "user", "123", null); RawClient c = server.connect()) {
            String r = c.send("GET /whoami HTTP/1.0\r\n" + authorization("user:124") + "\r\n").readUntilClosed();
            assertThat(r.replaceFirst("Date: [^\r]*", "Date: D")).isEqualTo("HTTP/1.0 401 Unauthorized\r\n"
                    + "Server: Medusa/1.12\r\nDate: D\r\nConnection: close\r\n"
                    + "WWW-Authenticate: Basic realm=\"default\"\r\nContent-Length: 137\r\nContent-Type: text/html\r\n"
                    + "\r\n" + new String(HttpStatus.errorPage(401), StandardCharsets.US_ASCII));
            server.assertStillServesWith(authorization("user:123"));
        }
    }

    @Test
    void missingHeaderGets401EvenForUnknownPaths() throws Exception {
        try (TestServer server = new TestServer(LIMITS, "user", "123", null)) {
            assertThat(get(server, "/nosuch", "")).startsWith("HTTP/1.1 401 Unauthorized\r\n")
                    .contains("WWW-Authenticate: Basic realm=\"default\"\r\n");
            assertThat(get(server, "/nosuch", authorization("user:123"))).startsWith("HTTP/1.1 404 Not Found\r\n");
        }
    }

    @Test
    void unauthorizedRequestBodyIsNeverReadAndTheConnectionCloses() throws Exception {
        try (TestServer server = new TestServer(LIMITS, "user", "123", null); RawClient c = server.connect()) {
            String r = c.send("POST /echo HTTP/1.1\r\nContent-Length: 10\r\nExpect: 100-continue\r\n\r\n")
                    .readResponse();
            assertThat(r).startsWith("HTTP/1.1 401 ").doesNotContain("100 Continue");
            assertThat(c.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void malformedOrNonUtf8CredentialsGet400() throws Exception {
        try (TestServer server = new TestServer(LIMITS, "user", "123", null)) {
            assertThat(get(server, "/whoami", "Authorization: Basic a\r\n")).startsWith("HTTP/1.1 400 Bad Request");
            String latin1 = Base64.getEncoder().encodeToString("user:12\u00e9".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(get(server, "/whoami", "Authorization: Basic " + latin1 + "\r\n"))
                    .startsWith("HTTP/1.1 400 Bad Request");
            assertThat(get(server, "/whoami", "Authorization: Digest username=user\r\n"))
                    .startsWith("HTTP/1.1 401 Unauthorized");
            server.assertStillServesWith(authorization("user:123"));
        }
    }
}
