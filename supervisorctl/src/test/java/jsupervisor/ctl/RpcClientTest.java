package jsupervisor.ctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import jsupervisor.common.xmlrpc.XmlRpcFault;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.common.xmlrpc.XmlRpcWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RpcClient against a one-shot HTTP server on a unix socket in a temp dir. */
class RpcClientTest {
    @TempDir
    Path dir;

    /** Accepts one connection, records the request head and answers with {@code response}. */
    private CompletableFuture<String> serveOnce(Path socket, byte[] response) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        CompletableFuture<String> request = new CompletableFuture<>();
        Thread.ofPlatform().name("fake-supervisord").start(() -> {
            try (server; SocketChannel ch = server.accept()) {
                InputStream in = Channels.newInputStream(ch);
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    head.write(in.read());
                }
                String h = head.toString(StandardCharsets.ISO_8859_1);
                int len = Integer.parseInt(h.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
                String body = new String(in.readNBytes(len), StandardCharsets.UTF_8);
                ch.write(ByteBuffer.wrap(response));
                request.complete(h + body);
            } catch (IOException e) {
                request.completeExceptionally(e);
            }
        });
        return request;
    }

    private static byte[] http(String status, byte[] body) {
        byte[] head = ("HTTP/1.1 " + status + "\r\nContent-Type: text/xml\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    @Test
    void postsToRpc2WithPythonHeadersAndBasicAuth() throws Exception {
        Path sock = dir.resolve("s.sock");
        CompletableFuture<String> req =
                serveOnce(sock, http("200 OK", XmlRpcWriter.methodResponse(XmlRpcValue.of("3.0"))));
        XmlRpcValue v = new RpcClient("unix://" + sock, "alice", "s3cret").call("supervisor.getVersion");
        assertThat(v.asString()).isEqualTo("3.0");
        assertThat(req.get()).startsWith("POST /RPC2 HTTP/1.1\r\nHost: localhost\r\n")
                .contains("User-Agent: Python-xmlrpc/3.11\r\n", "Content-Type: text/xml\r\n",
                        "Authorization: Basic YWxpY2U6czNjcmV0\r\n", "<methodName>supervisor.getVersion</methodName>");
    }

    @Test
    void noAuthorizationWithoutBothCredentials() throws Exception {
        Path sock = dir.resolve("s.sock");
        CompletableFuture<String> req =
                serveOnce(sock, http("200 OK", XmlRpcWriter.methodResponse(XmlRpcValue.of(1))));
        new RpcClient("unix://" + sock, "alice", null).call("supervisor.getPID");
        assertThat(req.get()).doesNotContain("Authorization");
    }

    @Test
    void faultsAndHttpErrors() throws Exception {
        Path sock = dir.resolve("f.sock");
        serveOnce(sock, http("200 OK", XmlRpcWriter.fault(10, "BAD_NAME: x")));
        assertThatThrownBy(() -> new RpcClient("unix://" + sock, null, null).call("supervisor.getProcessInfo",
                XmlRpcValue.of("x"))).isInstanceOf(XmlRpcFault.class).hasMessageContaining("BAD_NAME: x");
        Path sock2 = dir.resolve("u.sock");
        serveOnce(sock2, http("401 Unauthorized", new byte[0]));
        assertThatThrownBy(() -> new RpcClient("unix://" + sock2, null, null).call("supervisor.getVersion"))
                .isInstanceOf(ProtocolError.class)
                .hasMessage("<ProtocolError for 127.0.0.1/RPC2: 401 Unauthorized>");
    }

    @Test
    void connectFailuresCarryErrno() {
        assertThatThrownBy(() -> new RpcClient("unix://" + dir.resolve("none.sock"), null, null)
                .call("supervisor.getVersion"))
                .isInstanceOfSatisfying(PythonError.class, e -> {
                    assertThat(e.errno()).isEqualTo(PythonError.ENOENT);
                    assertThat(e.pythonClass()).isEqualTo("FileNotFoundError");
                    assertThat(e.text()).isEqualTo("[Errno 2] No such file or directory");
                });
        assertThatThrownBy(() -> new RpcClient("http://127.0.0.1:1", null, null).call("supervisor.getVersion"))
                .isInstanceOfSatisfying(PythonError.class, e -> assertThat(e.errno()).isEqualTo(111));
        assertThatThrownBy(() -> new RpcClient("ftp://x/", null, null).call("supervisor.getVersion"))
                .hasMessage("Unknown protocol for serverurl ftp://x/");
    }
}
