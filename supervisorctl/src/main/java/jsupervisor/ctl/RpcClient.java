package jsupervisor.ctl;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import jsupervisor.common.xmlrpc.XmlRpcFault;
import jsupervisor.common.xmlrpc.XmlRpcParseException;
import jsupervisor.common.xmlrpc.XmlRpcReader;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.common.xmlrpc.XmlRpcWriter;

/**
 * XML-RPC over HTTP/1.1 to supervisord, on a unix socket or TCP, as {@code supervisor.xmlrpc.SupervisorTransport}
 * does it: {@code POST /RPC2} with Python's headers, Basic auth when both username and password are known, and
 * a non-200 status turned into a {@link ProtocolError}. Each call uses its own connection (the reference opens
 * a new proxy per command step, so nothing is gained by pooling). Not thread-safe; one per command.
 */
public final class RpcClient implements Rpc {
    private final String serverurl;
    private final String authorization;

    /** {@code username}/{@code password} may be null; auth is sent only when both are set. */
    public RpcClient(String serverurl, String username, String password) {
        this.serverurl = serverurl;
        this.authorization = username != null && password != null ? basic(username, password) : null;
    }

    static String basic(String username, String password) {
        byte[] raw = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(raw);
    }

    @Override
    public XmlRpcValue call(String method, XmlRpcValue... params) throws XmlRpcFault, ProtocolError, PythonError {
        ServerUrl url = ServerUrl.parse(serverurl);
        byte[] body = XmlRpcWriter.methodCall(method, List.of(params));
        try (SocketChannel ch = url.connect()) {
            ch.write(ByteBuffer.wrap(head(url, body.length)));
            ch.write(ByteBuffer.wrap(body));
            InputStream in = new BufferedInputStream(Channels.newInputStream(ch), 8192);
            HttpExchange response = new HttpExchange(in);
            if (!response.readHead()) {
                throw PythonError.remoteDisconnected();
            }
            if (response.status != 200) {
                throw new ProtocolError(response.status, response.reason);
            }
            byte[] answer = response.readBody();
            try {
                return new XmlRpcReader().readMethodResponse(answer);
            } catch (XmlRpcParseException e) {
                // expat's own words for the one malformed answer a broken server commonly sends, an empty body
                throw PythonError.expat(answer.length == 0 ? "no element found: line 1, column 0" : e.getMessage());
            }
        } catch (HttpExchange.BadStatusLine e) {
            throw PythonError.badStatusLine(e.line());
        } catch (SocketException e) {
            if ("Connection reset".equals(e.getMessage())) {
                throw PythonError.connectionReset();
            }
            throw PythonError.os(String.valueOf(e.getMessage()));
        } catch (IOException e) {
            throw PythonError.os(String.valueOf(e.getMessage()));
        }
    }

    private byte[] head(ServerUrl url, int length) {
        StringBuilder h = new StringBuilder(256);
        h.append("POST /RPC2 HTTP/1.1\r\n");
        h.append("Host: ").append(url.hostHeader()).append("\r\n");
        h.append("Accept-Encoding: identity\r\n");
        h.append("User-Agent: Python-xmlrpc/3.11\r\n");
        h.append("Content-Type: text/xml\r\n");
        h.append("Accept: text/xml\r\n");
        if (authorization != null) {
            h.append("Authorization: ").append(authorization).append("\r\n");
        }
        h.append("Content-Length: ").append(length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(h.length());
        out.writeBytes(h.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
