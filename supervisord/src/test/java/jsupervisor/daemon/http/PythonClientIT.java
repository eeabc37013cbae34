package jsupervisor.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jsupervisor.daemon.config.HttpServerConfig;

/**
 * Interop with Python's http.client through Supervisor's own client transport
 * ({@code supervisor.xmlrpc.SupervisorTransport}, which supervisorctl uses), over TCP and the unix socket,
 * with Basic auth and a persistent connection.
 */
class PythonClientIT {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String STATE = "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value><struct>\n"
            + "<member>\n<name>statecode</name>\n<value><int>1</int></value>\n</member>\n<member>\n<name>statename"
            + "</name>\n<value><string>RUNNING</string></value>\n</member>\n</struct></value>\n</param>\n</params>\n"
            + "</methodResponse>\n";
    private static final String SCRIPT = """
            import sys, xmlrpc.client, http.client
            from supervisor.xmlrpc import SupervisorTransport
            url, user, password, port = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
            proxy = xmlrpc.client.ServerProxy('http://127.0.0.1',
                                              transport=SupervisorTransport(user, password, url))
            for _ in range(3):
                print(proxy.supervisor.getState()['statename'])
            try:
                xmlrpc.client.ServerProxy('http://127.0.0.1',
                    transport=SupervisorTransport(user, 'wrong', url)).supervisor.getState()
            except xmlrpc.client.ProtocolError as e:
                print(e.errcode, e.errmsg)
            conn = http.client.HTTPConnection('127.0.0.1', port)
            conn.request('GET', '/nosuch', headers={'Authorization': proxy._ServerProxy__transport.headers['Authorization']})
            r = conn.getresponse()
            print(r.status, r.reason, r.getheader('Server'), r.getheader('Content-Type'), len(r.read()))
            """;

    // supervisorctl's tail -f client: asyncore, HTTP/1.1, chunked, ends when the server closes
    private static final String TAIL_SCRIPT = """
            import sys
            from supervisor.medusa import asyncore_25 as asyncore
            from supervisor import http_client
            handler = http_client.HTTPHandler(http_client.Listener(), sys.argv[2], sys.argv[3])
            handler.get(sys.argv[1], '/stream')
            asyncore.loop()
            print('<closed>')
            """;

    @TempDir
    Path dir;

    @Test
    void supervisorctlTailFollowClientReadsTheStreamOverBothTransports() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), "needs /usr/bin/python3 with supervisor installed");
        Path sock = dir.resolve("tail.sock");
        try (TestServer server = new TestServer(TestServer.FAST, "user", "123", sock)) {
            for (String url : List.of("http://127.0.0.1:" + server.port(), "unix://" + sock)) {
                server.feed.addAll(List.of("first", "second", "END"));
                assertThat(run(TAIL_SCRIPT, url, "user", "123")).isEqualTo("first\nsecond\n<closed>\n");
            }
        }
    }

    @Test
    void supervisorsOwnTransportWorksOverTcpAndUnixSocket() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), "needs /usr/bin/python3 with supervisor installed");
        List<String> peers = new java.util.concurrent.CopyOnWriteArrayList<>();
        Route rpc = Route.pathPrefix("/RPC2", (req, resp) -> {
            peers.add(req.peer());
            assertThat(new String(req.body(), StandardCharsets.UTF_8)).contains("supervisor.getState");
            resp.send(200, "text/xml", STATE);
        });
        Path sock = dir.resolve("supervisor.sock");
        try (HttpServer server = new HttpServer(List.of(rpc), HttpLimits.DEFAULTS, ServerNotices.silent(),
                Clock.systemUTC())) {
            String port = server.open(new HttpServerConfig.Inet("inet_http_server", "127.0.0.1", 0, "user", "{SHA}"
                    + "40bd001563085fc35165329ea1ff5c5ecbdbbeef")).port(); // sha1("123")
            server.open(new HttpServerConfig.Unix("unix_http_server", sock.toString(), 0700, -1, -1, "user", "123"));
            server.start();
            String expected = "RUNNING\nRUNNING\nRUNNING\n401 Unauthorized\n404 Not Found Medusa/1.12 text/html 134\n";
            assertThat(run(SCRIPT, "http://127.0.0.1:" + port, "user", "123", port)).isEqualTo(expected);
            assertThat(run(SCRIPT, "unix://" + sock, "user", "123", port)).isEqualTo(expected);
            // three calls through one transport share one persistent connection, on each listener
            assertThat(peers).hasSize(6);
            assertThat(peers.subList(0, 3)).containsOnly(peers.get(0)).allMatch(p -> p.startsWith("127.0.0.1:"));
            assertThat(peers.subList(3, 6)).containsOnly(peers.get(3)).allMatch(p -> p.startsWith("unix-"));
        }
    }

    private String run(String code, String... args) throws IOException, InterruptedException {
        Path script = Files.createTempFile(dir, "client", ".py");
        Files.writeString(script, code);
        List<String> command = new java.util.ArrayList<>(List.of(PYTHON.toString(), script.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("python client finished").isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();
            return out;
        } finally {
            p.destroyForcibly();
        }
    }
}
