package jsupervisor.it.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import jsupervisor.common.xmlrpc.XmlRpcFault;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.it.Await;
import org.junit.jupiter.api.Test;

/**
 * At {@code loglevel=trace} the main log traces every XML-RPC call, and a request that cannot be read is an ERRO
 * line with the body's repr, in Supervisor's words. Both sides are held to the reference's lines.
 */
class RpcTraceLogIT {
    private static final java.time.Duration T = java.time.Duration.ofSeconds(20);

    private static void postRaw(Daemon d, String body) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), d.port)) {
            s.setSoTimeout(10_000);
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = s.getOutputStream();
            out.write(("POST /RPC2 HTTP/1.0\r\nContent-Type: text/xml\r\nContent-Length: " + b.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(b);
            out.flush();
            InputStream in = s.getInputStream();
            assertThat(new String(in.readNBytes(12), StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.0 400");
        }
    }

    private static String log(Daemon d) {
        try {
            return Files.readString(d.dir.resolve("supervisord.log"));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void callsAreTracedAndUnreadableRequestsLogged() throws Exception {
        try (Twin twin = Twin.start("trace.conf", Map.of("VARIANT", ""))) {
            for (Twin.Side side : new Twin.Side[] {twin.reference, twin.ours}) {
                Daemon d = side.daemon();
                d.rpc("supervisor.getPID");
                try {
                    d.rpc("supervisor.getProcessInfo", XmlRpcValue.of("nosuch"));
                } catch (XmlRpcFault expected) {
                    // traced as a fault
                }
                postRaw(d, "<methodCall>");
                postRaw(d, "<methodCall><params/></methodCall>");
                List<String> wanted = List.of(
                        "TRAC XML-RPC method called: supervisor.getPID()",
                        "TRAC XML-RPC method supervisor.getPID() returned successfully",
                        "TRAC XML-RPC method called: supervisor.getProcessInfo()",
                        "TRAC XML-RPC method supervisor.getProcessInfo() returned fault: [10] BAD_NAME: nosuch",
                        "ERRO XML-RPC request data '<methodCall>' is invalid: unmarshallable",
                        "ERRO XML-RPC request data '<methodCall><params/></methodCall>' is invalid: no method name");
                String side_ = side == twin.reference ? "reference side" : "our side";
                Await.until(side_ + " log has the XML-RPC lines", T, () -> wanted.stream().allMatch(log(d)::contains));
            }
        }
    }
}
