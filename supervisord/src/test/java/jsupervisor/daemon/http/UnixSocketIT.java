package jsupervisor.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jsupervisor.daemon.config.HttpServerConfig;

/** Socket file creation in supervisor's order: temp bind, chmod, hard link, stale probe, chown, unlink. */
class UnixSocketIT {
    @TempDir
    Path dir;

    private static HttpServer bare(List<String> stderr) {
        return new HttpServer(List.of(), TestServer.FAST, new ServerNotices() {
            @Override
            public void stderr(String line) {
                stderr.add(line);
            }

            @Override
            public void routeFailed(HttpRequest request, Throwable error) {}
        }, Clock.systemUTC());
    }

    @Test
    void socketIsServedWithItsModeAndRemovedAtClose() throws Exception {
        Path sock = dir.resolve("supervisor.sock");
        try (TestServer server = new TestServer(TestServer.FAST, null, null, sock)) {
            assertThat(Files.getAttribute(sock, "unix:mode")).isEqualTo(0140700);
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("supervisor.sock");
            }
            try (RawClient c = RawClient.unix(sock)) {
                assertThat(c.send("GET /whoami HTTP/1.1\r\n\r\n").readResponse())
                        .endsWith("null|unix_http_server|/whoami|/whoami|null|GET");
                assertThat(c.send("POST /echo HTTP/1.1\r\nContent-Length: 2\r\n\r\nok").readResponse())
                        .endsWith("\r\n\r\nok");
            }
            assertThat(server.server.listeners()).extracting(ListenerInfo::unix).containsExactly(false, true);
        }
        assertThat(sock).doesNotExist();
    }

    @Test
    void connectionsRunOnNamedVirtualThreadsBehindNamedAcceptThreads() throws Exception {
        Path sock = dir.resolve("threads.sock");
        try (TestServer server = new TestServer(TestServer.FAST, null, null, sock)) {
            try (RawClient c = RawClient.unix(sock)) {
                assertThat(c.send("GET /thread HTTP/1.0\r\n\r\n").readUntilClosed())
                        .matches("(?s).*\r\n\r\nrpc-unix-\\d+\\|true\\|unix-\\d+");
            }
            try (RawClient c = server.connect()) {
                assertThat(c.send("GET /thread HTTP/1.0\r\n\r\n").readUntilClosed())
                        .matches("(?s).*\r\n\r\nrpc-127\\.0\\.0\\.1:\\d+\\|true\\|127\\.0\\.0\\.1:\\d+");
            }
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                    .contains("http-accept-unix", "http-accept-tcp", "http-timeouts");
        }
    }

    @Test
    void closingTheServerEndsIdleKeepAliveConnections() throws Exception {
        Path sock = dir.resolve("idle.sock");
        TestServer server = new TestServer(HttpLimits.DEFAULTS, null, null, sock);
        try (RawClient unix = RawClient.unix(sock); RawClient tcp = server.connect()) {
            unix.send("GET /hello HTTP/1.1\r\n\r\n").readResponse();
            tcp.send("GET /hello HTTP/1.1\r\n\r\n").readResponse();
            server.close();
            assertThat(unix.closedWithin(java.time.Duration.ofSeconds(5))).isTrue();
            assertThat(tcp.closedWithin(java.time.Duration.ofSeconds(5))).isTrue();
            Await.until("connections released", () -> server.server.activeConnections() == 0,
                    java.time.Duration.ofSeconds(5));
        } finally {
            server.close();
        }
        assertThat(sock).doesNotExist();
    }

    @Test
    void chmodAndChownAreApplied() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "chown to another group needs root");
        Path sock = dir.resolve("owned.sock");
        try (HttpServer server = bare(new java.util.ArrayList<>())) {
            server.open(new HttpServerConfig.Unix("unix_http_server", sock.toString(), 0660, -1, 1, null, null));
            assertThat(Files.getAttribute(sock, "unix:mode")).isEqualTo(0140660);
            assertThat(Files.getAttribute(sock, "unix:gid")).isEqualTo(1);
        }
    }

    @Test
    void staleSocketIsUnlinkedWithSupervisorsMessage() throws Exception {
        Path sock = dir.resolve("stale.sock");
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(sock));
        }
        assertThat(sock).exists(); // closing a unix listener leaves its file behind, as a crash would
        List<String> stderr = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (HttpServer server = bare(stderr)) {
            server.open(new HttpServerConfig.Unix("unix_http_server", sock.toString(), 0700, -1, -1, null, null));
            server.start();
            assertThat(stderr).containsExactly("Unlinking stale socket " + sock);
            try (RawClient c = RawClient.unix(sock)) {
                assertThat(c.send("GET / HTTP/1.0\r\n\r\n").readUntilClosed()).startsWith("HTTP/1.0 404 Not Found");
            }
        }
    }

    @Test
    void liveSocketIsRefusedAndKeepsServing() throws Exception {
        Path sock = dir.resolve("live.sock");
        try (TestServer first = new TestServer(TestServer.FAST, null, null, sock);
             HttpServer second = bare(new java.util.ArrayList<>())) {
            assertThatThrownBy(() -> second.open(new HttpServerConfig.Unix("unix_http_server", sock.toString(), 0700,
                    -1, -1, null, null)))
                    .isInstanceOf(HttpServerException.class).hasMessage(HttpServerException.ADDRESS_IN_USE);
            try (RawClient c = RawClient.unix(sock)) {
                assertThat(c.send("GET /hello HTTP/1.0\r\n\r\n").readUntilClosed()).endsWith("hello");
            }
            try (var files = Files.list(dir)) {
                assertThat(files).hasSize(1); // no temp file left by the refused attempt
            }
        }
    }

    @Test
    void tcpPortInUseGivesSupervisorsMessage() throws Exception {
        try (ServerSocketChannel taken = ServerSocketChannel.open()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = ((InetSocketAddress) taken.getLocalAddress()).getPort();
            try (HttpServer server = bare(new java.util.ArrayList<>())) {
                assertThatThrownBy(() -> server.open(new HttpServerConfig.Inet("inet_http_server", "127.0.0.1", port,
                        null, null))).hasMessage("Another program is already listening on a port that one of our HTTP "
                        + "servers is configured to use.  Shut this program down first before starting supervisord.");
            }
        }
    }

    @Test
    void missingDirectoryGivesTheErrnoMessage() {
        try (HttpServer server = bare(new java.util.ArrayList<>())) {
            assertThatThrownBy(() -> server.open(new HttpServerConfig.Unix("unix_http_server",
                    dir.resolve("nope/x.sock").toString(), 0700, -1, -1, null, null)))
                    .hasMessage("Cannot open an HTTP server: socket.error reported errno.ENOENT (2)");
        }
    }
}
