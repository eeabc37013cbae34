package jsupervisor.daemon.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jsupervisor.daemon.config.HttpServerConfig;

/**
 * A started {@link HttpServer} on 127.0.0.1 (port 0) and, when asked, a unix socket, serving the test routes:
 * {@code /echo} (body back as text/xml), {@code /hello}, {@code /whoami}, {@code /thread}, {@code /boom} (throws),
 * {@code /silent} (answers nothing), {@code /big} (1 MiB), {@code /flood} (endless bytes) and {@code /stream} (one line per item offered
 * to {@link #feed}, until the client leaves).
 */
final class TestServer implements AutoCloseable {
    static final HttpLimits FAST = HttpLimits.DEFAULTS.withTimeouts(Duration.ofMillis(600), Duration.ofMillis(600),
            Duration.ofMillis(800), Duration.ofSeconds(2));

    final HttpServer server;
    final BlockingQueue<String> feed = new LinkedBlockingQueue<>();
    final CountDownLatch streamEnded = new CountDownLatch(1);
    final CountDownLatch floodEnded = new CountDownLatch(1);
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    final List<String> stderr = new CopyOnWriteArrayList<>();
    private int port = -1;
    private Path socket;

    TestServer(HttpLimits limits, String username, String password, Path unixSocket) throws HttpServerException {
        server = new HttpServer(routes(), limits, new ServerNotices() {
            @Override
            public void stderr(String line) {
                stderr.add(line);
            }

            @Override
            public void routeFailed(HttpRequest request, Throwable error) {
                failures.add(error);
            }
        }, Clock.systemUTC());
        try {
            port = Integer.parseInt(server.open(new HttpServerConfig.Inet("inet_http_server", "127.0.0.1", 0, username,
                    password)).port());
            if (unixSocket != null) {
                server.open(new HttpServerConfig.Unix("unix_http_server", unixSocket.toString(), 0700, -1, -1,
                        username, password));
                socket = unixSocket;
            }
        } catch (HttpServerException | RuntimeException e) {
            server.close();
            throw e;
        }
        server.start();
    }

    static TestServer tcp(HttpLimits limits) throws HttpServerException {
        return new TestServer(limits, null, null, null);
    }

    int port() {
        return port;
    }

    Path socket() {
        return socket;
    }

    RawClient connect() throws IOException {
        return RawClient.tcp(port);
    }

    /** Asserts a plain keep-alive exchange still works: the server survived whatever came before. */
    void assertStillServes() throws IOException {
        assertStillServesWith("");
    }

    /** As {@link #assertStillServes()}, with extra header lines (each ending in CRLF). */
    void assertStillServesWith(String headers) throws IOException {
        try (RawClient c = connect()) {
            String r = c.send("GET /hello HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n").readResponse();
            if (!r.startsWith("HTTP/1.1 200 OK\r\n") || !r.endsWith("\r\n\r\nhello")) {
                throw new AssertionError("server no longer serves: " + r);
            }
        }
    }

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        routes.add(Route.pathPrefix("/echo", (req, resp) -> resp.send(200, "text/xml", req.body())));
        routes.add(Route.pathPrefix("/hello", (req, resp) -> resp.send(200, "text/plain", "hello")));
        routes.add(Route.pathPrefix("/whoami", (req, resp) -> resp.send(200, "text/plain",
                req.authenticatedUser() + "|" + req.listener().section() + "|" + req.uri() + "|" + req.path() + "|"
                        + req.query() + "|" + req.method())));
        routes.add(Route.pathPrefix("/thread", (req, resp) -> resp.send(200, "text/plain",
                Thread.currentThread().getName() + "|" + Thread.currentThread().isVirtual() + "|" + req.peer())));
        routes.add(Route.pathPrefix("/boom", (req, resp) -> {
            throw new IllegalStateException("route bug");
        }));
        routes.add(Route.pathPrefix("/silent", (req, resp) -> {}));
        routes.add(Route.pathPrefix("/big", (req, resp) -> resp.send(200, "text/plain",
                "x".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII))));
        routes.add(Route.pathPrefix("/stream", this::stream));
        routes.add(Route.pathPrefix("/flood", this::flood));
        return routes;
    }

    /** Writes until writing fails: a client that stops reading must be cut off by the write timeout. */
    private void flood(HttpRequest request, HttpResponse response) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (ResponseStream out = response.stream(200, "application/octet-stream")) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } finally {
            floodEnded.countDown();
        }
    }

    private void stream(HttpRequest request, HttpResponse response) throws IOException {
        response.header("X-Accel-Buffering", "no");
        try (ResponseStream out = response.stream(200, "text/plain;charset=utf-8")) {
            while (!out.awaitClientGone(Duration.ofMillis(20))) {
                String line = feed.poll(0, TimeUnit.MILLISECONDS);
                if (line != null) {
                    if (line.equals("END")) {
                        break;
                    }
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streamEnded.countDown();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
