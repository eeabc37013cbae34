package jsupervisor.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keep-alive, pipelining, 100-continue, HEAD, errors and medusa's headers, over a real TCP socket. */
class HttpProtocolIT {
    private static final String DATE = "Date: [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT";
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.tcp(TestServer.FAST.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void http11KeepsTheConnectionForSeveralRequests() throws Exception {
        try (RawClient c = server.connect()) {
            for (int i = 0; i < 3; i++) {
                String r = c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhell" + i)
                        .readResponse();
                assertThat(r).startsWith("HTTP/1.1 200 OK\r\nServer: Medusa/1.12\r\n")
                        .contains("\r\nContent-Type: text/xml\r\nContent-Length: 5\r\n\r\nhell" + i)
                        .doesNotContain("Connection:");
                assertThat(r.split("\r\n")[2]).matches(DATE);
            }
        }
    }

    @Test
    void http11ConnectionCloseIsHonoured() throws Exception {
        try (RawClient c = server.connect()) {
            String r = c.send("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").readResponse();
            assertThat(r).startsWith("HTTP/1.1 200 OK\r\n").endsWith("hello");
            assertThat(c.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void http10ClosesAfterOneResponseByDefault() throws Exception {
        try (RawClient c = server.connect()) {
            String r = c.send("GET /hello HTTP/1.0\r\n\r\n").readUntilClosed();
            assertThat(r).startsWith("HTTP/1.0 200 OK\r\n").doesNotContain("Connection:").endsWith("\r\n\r\nhello");
        }
    }

    @Test
    void http10KeepAliveIsAnsweredKeepAlive() throws Exception {
        try (RawClient c = server.connect()) {
            for (int i = 0; i < 2; i++) {
                String r = c.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").readResponse();
                assertThat(r).startsWith("HTTP/1.0 200 OK\r\n").contains("\r\nConnection: Keep-Alive\r\n");
            }
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (RawClient c = server.connect()) {
            c.send("POST /echo HTTP/1.1\r\nContent-Length: 3\r\n\r\nonePOST /echo HTTP/1.1\r\nContent-Length: 3"
                    + "\r\n\r\ntwoGET /hello HTTP/1.1\r\nConnection: close\r\n\r\n");
            assertThat(c.readResponse()).endsWith("one");
            assertThat(c.readResponse()).endsWith("two");
            assertThat(c.readResponse()).endsWith("hello");
            assertThat(c.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void expect100ContinueGetsTheInterimAnswerBeforeTheBodyIsSent() throws Exception {
        try (RawClient c = server.connect()) {
            c.send("POST /echo HTTP/1.1\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
            assertThat(c.readUntil("\r\n\r\n")).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
            assertThat(c.send("body").readResponse()).startsWith("HTTP/1.1 200 OK").endsWith("body");
        }
    }

    @Test
    void unknownPathGetsMedusasNotFoundPage() throws Exception {
        try (RawClient c = server.connect()) {
            String r = c.send("GET /nosuch HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertThat(r.replaceFirst(DATE, "Date: D")).isEqualTo("HTTP/1.1 404 Not Found\r\nServer: Medusa/1.12\r\n"
                    + "Date: D\r\nContent-Length: 134\r\nContent-Type: text/html\r\n\r\n<head>\r\n<title>Error response"
                    + "</title>\r\n</head>\r\n<body>\r\n<h1>Error response</h1>\r\n<p>Error code 404.\r\n"
                    + "<p>Message: Not Found.\r\n</body>\r\n");
            // a 404 does not cost the connection
            assertThat(c.send("GET /hello HTTP/1.1\r\n\r\n").readResponse()).endsWith("hello");
        }
    }

    /** medusa's last handler serves files, for GET and HEAD only: any other method on no route is a 400. */
    @Test
    void otherMethodsOnAnUnknownPathAreBadRequests() throws Exception {
        try (RawClient c = server.connect()) {
            assertThat(c.send("DELETE /nosuch HTTP/1.1\r\n\r\n").readResponse()).startsWith("HTTP/1.1 400 Bad Request");
            assertThat(c.send("HEAD /nosuch HTTP/1.1\r\n\r\n").readUntil("\r\n\r\n"))
                    .startsWith("HTTP/1.1 404 Not Found");
            assertThat(c.send("POST /nosuch HTTP/1.1\r\nContent-Length: 0\r\n\r\n").readResponse())
                    .startsWith("HTTP/1.1 400 Bad Request");
        }
    }

    @Test
    void headGetsHeadersWithoutBody() throws Exception {
        try (RawClient c = server.connect()) {
            String head = c.send("HEAD /hello HTTP/1.1\r\n\r\n").readUntil("\r\n\r\n");
            assertThat(head).startsWith("HTTP/1.1 200 OK").contains("Content-Length: 5");
            assertThat(c.send("GET /hello HTTP/1.1\r\n\r\n").readResponse()).startsWith("HTTP/1.1 200 OK")
                    .endsWith("hello");
        }
    }

    @Test
    void uriIsPercentDecodedAndQueryKept() throws Exception {
        try (RawClient c = server.connect()) {
            String r = c.send("GET /whoami/a%20b%C3%A9?x=%41&y HTTP/1.1\r\n\r\n").readResponse();
            assertThat(new String(r.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                    java.nio.charset.StandardCharsets.UTF_8))
                    .endsWith("null|inet_http_server|/whoami/a bé?x=%41&y|/whoami/a bé|x=%41&y|GET");
        }
    }

    @Test
    void routeFailureBecomes500AndIsReported() throws Exception {
        try (RawClient c = server.connect()) {
            String r = c.send("GET /boom HTTP/1.1\r\n\r\n").readResponse();
            assertThat(r).startsWith("HTTP/1.1 500 Internal Server Error\r\n").contains("Connection: close");
            assertThat(c.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(server.failures).singleElement().isInstanceOf(IllegalStateException.class);
        server.assertStillServes();
    }

    @Test
    void routeThatDoesNotAnswerBecomes500() throws Exception {
        try (RawClient c = server.connect()) {
            assertThat(c.send("GET /silent HTTP/1.0\r\n\r\n").readUntilClosed())
                    .startsWith("HTTP/1.0 500 Internal Server Error\r\n");
        }
        assertThat(server.failures).hasSize(1);
    }

    @Test
    void chunkedRequestBodyIsRefusedWithLengthRequired() throws Exception {
        try (RawClient c = server.connect()) {
            String r = c.send("POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
                    .readResponse();
            assertThat(r).startsWith("HTTP/1.1 411 Length Required\r\n");
            assertThat(c.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
        server.assertStillServes();
    }

    @Test
    void unsupportedVersionGets505() throws Exception {
        try (RawClient c = server.connect()) {
            assertThat(c.send("GET /hello HTTP/2.0\r\n\r\n").readUntilClosed())
                    .startsWith("HTTP/1.0 505 HTTP Version not supported\r\n");
        }
    }

    @Test
    void manyConcurrentKeepAliveClientsAreAllServed() throws Exception {
        int clients = 50;
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < clients; i++) {
            int id = i;
            threads.add(Thread.ofVirtual().start(() -> {
                try (RawClient c = server.connect()) {
                    for (int n = 0; n < 20; n++) {
                        String body = id + "-" + n;
                        String r = c.send("POST /echo HTTP/1.1\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                                .readResponse();
                        if (r.endsWith("\r\n\r\n" + body)) {
                            ok.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(30));
        }
        assertThat(errors).isEmpty();
        assertThat(ok).hasValue(clients * 20);
    }

    @Test
    void bareLineFeedsAreAccepted() throws Exception {
        try (RawClient c = server.connect()) {
            assertThat(c.send("GET /hello HTTP/1.0\n\n").readUntilClosed()).startsWith("HTTP/1.0 200 OK")
                    .endsWith("hello");
        }
    }
}
