package jsupervisor.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Caps and timeouts: each hostile client costs its own connection, and the server keeps serving. */
class HostileClientIT {
    private static final Duration MARGIN = Duration.ofSeconds(5);
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.tcp(TestServer.FAST.withMaxHeaderBytes(4096).withMaxBodyBytes(1024)
                .withMaxConnections(8));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void oversizedHeadersGet431() throws Exception {
        try (RawClient c = server.connect()) {
            String r = c.send("GET /hello HTTP/1.1\r\nX-Big: " + "a".repeat(5000) + "\r\n\r\n").readUntilClosed();
            assertThat(r).startsWith("HTTP/1.0 431 Request Header Fields Too Large\r\n");
        }
        server.assertStillServes();
    }

    @Test
    void endlessHeaderWithoutTerminatorGets431() throws Exception {
        try (RawClient c = server.connect()) {
            c.send("GET /hello HTTP/1.1\r\n");
            for (int i = 0; i < 100; i++) {
                c.send("X-Filler-" + i + ": " + "b".repeat(60) + "\r\n");
            }
            assertThat(c.readUntilClosed()).startsWith("HTTP/1.0 431 ");
        }
        server.assertStillServes();
    }

    @Test
    void oversizedBodyGets413BeforeAnyBodyIsRead() throws Exception {
        try (RawClient c = server.connect()) {
            String r = c.send("POST /echo HTTP/1.1\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n")
                    .readResponse();
            assertThat(r).startsWith("HTTP/1.1 413 Request Entity Too Large\r\n").contains("Connection: close");
            assertThat(c.closedWithin(MARGIN)).isTrue();
        }
        server.assertStillServes();
    }

    @Test
    void badContentLengthGets400() throws Exception {
        try (RawClient c = server.connect()) {
            assertThat(c.send("POST /echo HTTP/1.1\r\nContent-Length: -3\r\n\r\n").readResponse())
                    .startsWith("HTTP/1.1 400 Bad Request\r\n");
        }
        server.assertStillServes();
    }

    @Test
    void excessConnectionsGet503AndAreClosed() throws Exception {
        server.close();
        // timeouts long enough that no held connection can expire while the test runs on a slow machine
        server = TestServer.tcp(HttpLimits.DEFAULTS.withMaxConnections(8));
        List<RawClient> held = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                RawClient c = server.connect();
                held.add(c);
                // a full keep-alive exchange proves each one holds a slot
                c.send("GET /hello HTTP/1.1\r\n\r\n").readResponse();
            }
            try (RawClient extra = server.connect()) {
                assertThat(extra.readUntilClosed()).startsWith("HTTP/1.0 503 Service Unavailable\r\n");
            }
            held.removeFirst().close();
            Await.until("a slot frees up", () -> server.server.activeConnections() < 8, MARGIN);
            server.assertStillServes();
        } finally {
            for (RawClient c : held) {
                c.close();
            }
        }
    }

    @Test
    void slowlorisSendingOneBytePerTickIsCutOffAtTheHeaderTimeout() throws Exception {
        try (RawClient c = server.connect()) {
            String request = "GET /hello HTTP/1.1\r\nHost: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n\r\n";
            long started = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < request.length() && !closed; i++) {
                try {
                    c.send(request.substring(i, i + 1));
                } catch (java.io.IOException e) {
                    closed = true;
                }
                // the pacing doubles as the check: one byte per 50 ms, as long as the server keeps us
                closed = closed || c.closedWithin(Duration.ofMillis(50));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(closed).as("slow client cut off").isTrue();
            assertThat(took).isBetween(Duration.ofMillis(500), Duration.ofMillis(2500));
        }
        server.assertStillServes();
    }

    @Test
    void silentConnectionIsClosedAtTheHeaderTimeout() throws Exception {
        try (RawClient c = server.connect()) {
            assertThat(c.closedWithin(MARGIN)).isTrue();
        }
    }

    @Test
    void slowBodyIsCutOffAtTheBodyTimeout() throws Exception {
        try (RawClient c = server.connect()) {
            c.send("POST /echo HTTP/1.1\r\nContent-Length: 100\r\n\r\nonly a little");
            assertThat(c.closedWithin(MARGIN)).isTrue();
        }
        server.assertStillServes();
    }

    @Test
    void idleKeepAliveConnectionIsClosedAtTheIdleTimeout() throws Exception {
        try (RawClient c = server.connect()) {
            c.send("GET /hello HTTP/1.1\r\n\r\n").readResponse();
            assertThat(c.closedWithin(MARGIN)).isTrue();
        }
    }

    @Test
    void clientThatStopsReadingIsCutOffAtTheWriteTimeout() throws Exception {
        try (RawClient c = server.connect()) {
            c.send("GET /flood HTTP/1.1\r\n\r\n");
            // never read: the socket buffers fill, the server's write blocks, the write timeout (2 s) ends it
            assertThat(server.floodEnded.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        Await.until("the connection ends", () -> server.server.activeConnections() == 0, MARGIN);
        server.assertStillServes();
    }

    @Test
    void garbageBytesGet400() throws Exception {
        byte[] garbage = new byte[600];
        new java.util.Random(42).nextBytes(garbage);
        garbage[598] = '\n';
        garbage[599] = '\n';
        try (RawClient c = server.connect()) {
            assertThat(c.send(garbage).readUntilClosed()).startsWith("HTTP/1.0 400 Bad Request\r\n");
        }
        try (RawClient c = server.connect()) {
            assertThat(c.send("garbage\r\n\r\n").readUntilClosed()).startsWith("HTTP/1.0 400 Bad Request\r\n");
        }
        server.assertStillServes();
    }

    @Test
    void truncatedBodyEndsTheConnectionQuietly() throws Exception {
        try (RawClient c = server.connect()) {
            c.send("POST /echo HTTP/1.1\r\nContent-Length: 50\r\n\r\nshort");
        }
        Await.until("the connection ends", () -> server.server.activeConnections() == 0, MARGIN);
        assertThat(server.failures).isEmpty();
        server.assertStillServes();
    }

    @Test
    void truncatedHeadEndsTheConnectionQuietly() throws Exception {
        try (RawClient c = server.connect()) {
            c.send("GET /hello HTTP/1.1\r\nHost: ");
        }
        Await.until("the connection ends", () -> server.server.activeConnections() == 0, MARGIN);
        server.assertStillServes();
    }
}
