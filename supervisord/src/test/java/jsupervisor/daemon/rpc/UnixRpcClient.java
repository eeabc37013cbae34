package jsupervisor.daemon.rpc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import jsupervisor.common.xmlrpc.XmlRpcFault;
import jsupervisor.common.xmlrpc.XmlRpcReader;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.common.xmlrpc.XmlRpcWriter;

/**
 * The smallest XML-RPC client that talks to the real supervisord over its unix socket: one HTTP/1.0 POST per
 * call, the server closes the connection after answering. For parity tests only. Not thread-safe.
 */
final class UnixRpcClient {
    private final Path socket;

    UnixRpcClient(Path socket) {
        this.socket = socket;
    }

    /** The value, or the fault thrown; an HTTP status other than 200 is an IOException naming it. */
    XmlRpcValue call(String method, List<XmlRpcValue> params) throws IOException, XmlRpcFault {
        byte[] body = XmlRpcWriter.methodCall(method, params);
        byte[] head = ("POST /RPC2 HTTP/1.0\r\nHost: localhost\r\nContent-Type: text/xml\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            ByteBuffer out = ByteBuffer.allocate(head.length + body.length).put(head).put(body).flip();
            while (out.hasRemaining()) {
                ch.write(out);
            }
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(64 * 1024);
            while (ch.read(in.clear()) >= 0) {
                response.write(in.array(), 0, in.position());
            }
            return parse(response.toByteArray());
        }
    }

    private static XmlRpcValue parse(byte[] raw) throws IOException, XmlRpcFault {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            throw new IOException("no HTTP header in " + text);
        }
        String status = text.substring(0, text.indexOf("\r\n"));
        if (!status.contains(" 200 ")) {
            throw new IOException(status);
        }
        return new XmlRpcReader().readMethodResponse(Arrays.copyOfRange(raw, split + 4, raw.length));
    }
}
