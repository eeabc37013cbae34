package jsupervisor.ctl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jsupervisor.common.api.Fault;
import jsupervisor.common.api.ProcessInfo;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.common.xmlrpc.XmlRpcWriter;

/**
 * The training run of supervisorctl's AOT cache, made at build time by supervisorctl/pom.xml: runs the
 * one-shot commands people script most ({@code status} of a thousand programs read from a config file,
 * {@code status} of names, {@code start}, {@code stop}, {@code restart}, {@code pid}, {@code version})
 * against a stand-in for supervisord on a unix socket in a temp dir, so that the classes those commands
 * load, linked, are in the cache (DESIGN.md, start-up). Not used at run time. Its stand-in answers from a
 * table and closes each connection, as supervisord does for supervisorctl's HTTP/1.0-style requests.
 */
public final class AotTraining {
    private static final int PROGRAMS = 1000;

    private AotTraining() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("jsupervisor-aot-");
        Path socket = dir.resolve("supervisor.sock");
        Path config = dir.resolve("supervisord.conf");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread standIn = new Thread(() -> serve(server), "aot-stand-in");
            standIn.setDaemon(true);
            standIn.start();
            Files.writeString(config, config(socket));
            PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
            String c = config.toString();
            String[][] runs = {{"-c", c, "status"}, {"-c", c, "status", "p1", "p2:*"}, {"-c", c, "start", "p1"},
                {"-c", c, "stop", "p1"}, {"-c", c, "restart", "p1"}, {"-c", c, "pid"}, {"-c", c, "version"}};
            for (String[] run : runs) {
                Main.run(run, "supervisorctl", discard, discard);
            }
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(config);
            Files.deleteIfExists(dir);
        }
    }

    /** A config as bench/ctl.py writes one: the daemon's sections, then supervisorctl's. */
    private static String config(Path socket) {
        StringBuilder c = new StringBuilder("[unix_http_server]\nfile=" + socket + "\n");
        for (int i = 0; i < PROGRAMS; i++) {
            c.append("[program:p").append(i).append("]\ncommand=/bin/sleep 1000\nstartsecs=0\n")
                    .append("stdout_logfile=NONE\nstderr_logfile=NONE\n");
        }
        return c.append("[supervisorctl]\nserverurl=unix://").append(socket).append('\n').toString();
    }

    private static void serve(ServerSocketChannel server) {
        while (true) {
            try (SocketChannel ch = server.accept()) {
                String method = methodOf(readRequest(ch));
                byte[] body = answer(method);
                String head = "HTTP/1.0 200 OK\r\nContent-Type: text/xml\r\nContent-Length: " + body.length
                        + "\r\n\r\n";
                ch.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
                ch.write(ByteBuffer.wrap(body));
            } catch (IOException e) {
                return; // the server socket closed: training is over
            }
        }
    }

    /** The request up to the end of its Content-Length body. */
    private static String readRequest(SocketChannel ch) throws IOException {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        while (ch.read(buf) > 0) {
            in.write(buf.array(), 0, buf.position());
            buf.clear();
            String text = in.toString(StandardCharsets.UTF_8);
            int headEnd = text.indexOf("\r\n\r\n");
            int lengthAt = text.indexOf("Content-Length: ");
            if (headEnd >= 0 && lengthAt >= 0) {
                int length = Integer.parseInt(text.substring(lengthAt + 16, text.indexOf('\r', lengthAt)));
                if (in.size() >= headEnd + 4 + length) {
                    return text;
                }
            }
        }
        return in.toString(StandardCharsets.UTF_8);
    }

    private static String methodOf(String request) {
        int from = request.indexOf("<methodName>");
        int to = request.indexOf("</methodName>");
        return from < 0 || to < from ? "" : request.substring(from + 12, to);
    }

    private static byte[] answer(String method) {
        return switch (method) {
            case "supervisor.getVersion" -> XmlRpcWriter.methodResponse(XmlRpcValue.of("3.0"));
            case "supervisor.getSupervisorVersion" -> XmlRpcWriter.methodResponse(XmlRpcValue.of("4.2.5"));
            case "supervisor.getPID" -> XmlRpcWriter.methodResponse(XmlRpcValue.of(4242));
            case "supervisor.startProcess", "supervisor.stopProcess" ->
                    XmlRpcWriter.methodResponse(XmlRpcValue.of(true));
            case "supervisor.getAllProcessInfo" -> XmlRpcWriter.methodResponse(allProcessInfo());
            default -> XmlRpcWriter.fault(Fault.UNKNOWN_METHOD.code(), "UNKNOWN_METHOD");
        };
    }

    private static XmlRpcValue allProcessInfo() {
        List<XmlRpcValue> all = new ArrayList<>(PROGRAMS);
        for (int i = 0; i < PROGRAMS; i++) {
            String name = "p" + i;
            all.add(new ProcessInfo(name, name, "pid " + (1000 + i) + ", uptime 0:01:40", 1795510557, 0, 1795510657,
                    20, "RUNNING", "", 0, "", "", "", 1000 + i).toStruct());
        }
        return XmlRpcValue.array(all);
    }
}
