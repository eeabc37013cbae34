package jsupervisor.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Incrementally written bodies, as /logtail needs them: chunked on 1.1, close-delimited on 1.0. */
class StreamingIT {
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.tcp(TestServer.FAST);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void http11StreamIsChunkedAndEachFlushArrivesAtOnce() throws Exception {
        try (RawClient c = server.connect()) {
            c.send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
            String head = c.readUntil("\r\n\r\n");
            assertThat(head).startsWith("HTTP/1.1 200 OK\r\nServer: Medusa/1.12\r\n")
                    .contains("\r\nX-Accel-Buffering: no\r\nContent-Type: text/plain;charset=utf-8\r\n"
                            + "Transfer-Encoding: chunked\r\n")
                    .doesNotContain("Content-Length");
            server.feed.add("first line");
            assertThat(c.readUntil("first line\n\r\n")).isEqualTo("b\r\nfirst line\n\r\n");
            server.feed.add("second");
            assertThat(c.readUntil("second\n\r\n")).isEqualTo("7\r\nsecond\n\r\n");
            server.feed.add("END");
            assertThat(c.readUntil("0\r\n\r\n")).isEqualTo("0\r\n\r\n");
            assertThat(c.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(server.streamEnded.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void http10StreamEndsWithTheConnection() throws Exception {
        try (RawClient c = server.connect()) {
            c.send("GET /stream HTTP/1.0\r\n\r\n");
            assertThat(c.readUntil("\r\n\r\n")).doesNotContain("chunked");
            server.feed.add("raw");
            assertThat(c.readUntil("raw\n")).isEqualTo("raw\n");
            server.feed.add("END");
            assertThat(c.readUntilClosed()).isEmpty();
        }
    }

    @Test
    void streamStopsWhenTheClientGoesAwayEvenWithNothingToWrite() throws Exception {
        try (RawClient c = server.connect()) {
            c.send("GET /stream HTTP/1.1\r\n\r\n").readUntil("\r\n\r\n");
        }
        assertThat(server.streamEnded.await(5, TimeUnit.SECONDS)).isTrue();
        Await.until("the connection slot is released", () -> server.server.activeConnections() == 0,
                Duration.ofSeconds(5));
        server.assertStillServes();
    }

    @Test
    void streamEndsWhenTheServerCloses() throws Exception {
        try (RawClient c = server.connect()) {
            c.send("GET /stream HTTP/1.1\r\n\r\n").readUntil("\r\n\r\n");
            server.close();
            assertThat(server.streamEnded.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(c.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void clientClosingMidResponseCostsOnlyItsConnection() throws Exception {
        for (int i = 0; i < 5; i++) {
            try (RawClient c = server.connect()) {
                c.send("GET /big HTTP/1.1\r\n\r\n").readUntil("\r\n\r\n");
            }
        }
        Await.until("all connections end", () -> server.server.activeConnections() == 0, Duration.ofSeconds(5));
        server.assertStillServes();
        assertThat(server.failures).isEmpty();
    }
}
