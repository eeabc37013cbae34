package jsupervisor.it.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jsupervisor.it.DaemonHarness;

/**
 * Malformed and malicious requests against a running daemon with auth: each gets an HTTP error or an XML-RPC
 * fault, never an answer it should not get, and afterwards the daemon still serves and its child still runs.
 */
class HostileRequestsIT {
    private static final Duration T = Duration.ofSeconds(60);
    private static final String AUTH = "Authorization: Basic "
            + Base64.getEncoder().encodeToString("admin:s3cret".getBytes(StandardCharsets.UTF_8)) + "\r\n";
    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.[01] (\\d{3})");

    @TempDir
    Path dir;

    record Case(String name, byte[] request, String expected) {}

    static byte[] post(String body, boolean auth) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return ("POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\n" + (auth ? AUTH : "")
                + "Content-Length: " + b.length + "\r\nConnection: close\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    static String call(String method, String params) {
        return "<?xml version='1.0'?><methodCall><methodName>" + method + "</methodName><params>" + params
                + "</params></methodCall>";
    }

    static String str(String s) {
        return "<param><value><string>" + s + "</string></value></param>";
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        String xxe = "<?xml version='1.0'?><!DOCTYPE m [<!ENTITY x SYSTEM 'file:///etc/hostname'>]>"
                + "<methodCall><methodName>supervisor.getProcessInfo</methodName><params><param><value>&x;"
                + "</value></param></params></methodCall>";
        String laughs = "<?xml version='1.0'?><!DOCTYPE l [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;"
                + "&a;&a;&a;&a;&a;'><!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>]><methodCall><methodName>&c;"
                + "</methodName></methodCall>";
        c.add(new Case("XXE", post(xxe, true), "400"));
        c.add(new Case("billion laughs", post(laughs, true), "400"));
        c.add(new Case("doctype only", post("<!DOCTYPE x><methodCall/>", true), "400"));
        c.add(new Case("garbage body", post("\u0000\u0001garbage\u00ff", true), "400"));
        c.add(new Case("empty body", post("", true), "400"));
        c.add(new Case("truncated xml", post(call("supervisor.getState", "").substring(0, 40), true), "400"));
        c.add(new Case("wrong root", post("<?xml version='1.0'?><methodResponse/>", true), "400"));
        c.add(new Case("deep nesting", post(call("supervisor.getState",
                "<param><value>" + "<array><data><value>".repeat(500) + "</value></data></array>".repeat(500)
                        + "</value></param>"), true), "400"));
        c.add(new Case("int out of range", post(call("supervisor.getProcessInfo",
                "<param><value><int>99999999999999999999999</int></value></param>"), true), "400"));
        // Supervisor reads any size of <int>: up to 64 bits the method gets the number (a name it is not)
        c.add(new Case("int beyond 32 bits", post(call("supervisor.getProcessInfo",
                "<param><value><int>99999999999999</int></value></param>"), true), "fault 2"));
        c.add(new Case("bad base64", post(call("supervisor.getState",
                "<param><value><base64>!!!</base64></value></param>"), true), "400"));
        c.add(new Case("unknown tag", post(call("supervisor.getState",
                "<param><value><bogus>1</bogus></value></param>"), true), "400"));
        c.add(new Case("unknown method", post(call("supervisor.noSuch", ""), true), "fault 1"));
        c.add(new Case("private method", post(call("supervisor._dispatch", ""), true), "fault 1"));
        c.add(new Case("attribute traversal", post(call("supervisor.supervisord.options.warnings.linecache.os"
                + ".system", str("id")), true), "fault 1"));
        c.add(new Case("dunder", post(call("__class__", ""), true), "fault 1"));
        c.add(new Case("no namespace", post(call("getState", ""), true), "fault 1"));
        c.add(new Case("system private", post(call("system._listMethods", ""), true), "fault 1"));
        c.add(new Case("too many params", post(call("supervisor.getState", str("x")), true), "fault 2"));
        c.add(new Case("too few params", post(call("supervisor.getProcessInfo", ""), true), "fault 2"));
        c.add(new Case("wrong type", post(call("supervisor.readLog", str("a") + str("b")), true), "fault 2"));
        c.add(new Case("bad name", post(call("supervisor.getProcessInfo", str("../../etc")), true), "fault 10"));
        c.add(new Case("bad signal", post(call("supervisor.signalProcess", str("cat") + str("NOPE")), true),
                "fault 11"));
        c.add(new Case("negative offset", post(call("supervisor.readLog",
                "<param><value><int>-1</int></value></param><param><value><int>-1</int></value></param>"), true),
                "fault 3"));
        c.add(new Case("multicall recursion", post(call("system.multicall", "<param><value><array><data><value>"
                + "<struct><member><name>methodName</name><value>system.multicall</value></member><member><name>"
                + "params</name><value><array><data/></array></value></member></struct></value></data></array>"
                + "</value></param>"), true), "fault 2")); // inside the result array: recursion is forbidden
        c.add(new Case("no auth", post(call("supervisor.getState", ""), false), "401"));
        c.add(new Case("wrong password", ("POST /RPC2 HTTP/1.0\r\nAuthorization: Basic "
                + Base64.getEncoder().encodeToString("admin:nope".getBytes()) + "\r\nContent-Length: 0\r\n\r\n")
                .getBytes(), "401"));
        c.add(new Case("wrong user", ("POST /RPC2 HTTP/1.0\r\nAuthorization: Basic "
                + Base64.getEncoder().encodeToString("root:s3cret".getBytes()) + "\r\nContent-Length: 0\r\n\r\n")
                .getBytes(), "401"));
        c.add(new Case("undecodable auth", "POST /RPC2 HTTP/1.0\r\nAuthorization: Basic %%%\r\n\r\n".getBytes(),
                "400|401"));
        c.add(new Case("digest auth", "POST /RPC2 HTTP/1.0\r\nAuthorization: Digest x=1\r\n\r\n".getBytes(),
                "401"));
        c.add(new Case("no auth on logtail", "GET /logtail/cat HTTP/1.0\r\n\r\n".getBytes(), "401"));
        c.add(new Case("no auth on mainlogtail", "GET /mainlogtail HTTP/1.0\r\n\r\n".getBytes(), "401"));
        c.add(new Case("GET on RPC2", ("GET /RPC2 HTTP/1.0\r\n" + AUTH + "\r\n").getBytes(), "400"));
        c.add(new Case("no content length", ("POST /RPC2 HTTP/1.0\r\n" + AUTH + "\r\n").getBytes(), "411"));
        c.add(new Case("oversized body", ("POST /RPC2 HTTP/1.0\r\n" + AUTH + "Content-Length: 999999999\r\n\r\n")
                .getBytes(), "413"));
        c.add(new Case("oversized headers", ("GET / HTTP/1.0\r\nX: " + "a".repeat(100_000) + "\r\n\r\n").getBytes(),
                "431|400"));
        c.add(new Case("garbage request line", "\u0000\u0001\u0002 garbage\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
                "400|closed"));
        c.add(new Case("http/9", "GET / HTTP/9.9\r\n\r\n".getBytes(), "505|400"));
        c.add(new Case("chunked upload", ("POST /RPC2 HTTP/1.1\r\nHost: x\r\n" + AUTH
                + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n").getBytes(), "411"));
        c.add(new Case("truncated body", ("POST /RPC2 HTTP/1.0\r\n" + AUTH + "Content-Length: 500\r\n\r\n<?xml")
                .getBytes(), "closed|400"));
        c.add(new Case("path traversal", ("GET /../../etc/passwd HTTP/1.0\r\n" + AUTH + "\r\n").getBytes(),
                "404|400"));
        c.add(new Case("logtail traversal", ("GET /logtail/..%2F..%2Fetc%2Fpasswd HTTP/1.0\r\n" + AUTH + "\r\n")
                .getBytes(), "404"));
        c.add(new Case("logtail unknown", ("GET /logtail/nosuch HTTP/1.0\r\n" + AUTH + "\r\n").getBytes(), "404"));
        // "/" is the web UI's status page: the odd header is either ignored (200) or refused, never an error
        c.add(new Case("header injection", ("GET / HTTP/1.0\r\nX: a\rb\r\n" + AUTH + "\r\n").getBytes(),
                "200|400"));
        return c;
    }

    /** Sends raw bytes, shuts the output down, and returns the status code, "fault N", or "closed". */
    static String exchange(int port, byte[] request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
                s.shutdownOutput();
            } catch (IOException e) {
                // the server may close early on an oversized request; read what it said
            }
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            try {
                in.transferTo(got);
            } catch (IOException e) {
                // reset after the answer: keep what arrived
            }
            String text = got.toString(StandardCharsets.ISO_8859_1);
            Matcher m = STATUS.matcher(text);
            if (!m.find()) {
                return "closed";
            }
            Matcher f = Pattern.compile("<name>faultCode</name>\\s*<value><int>(\\d+)</int>").matcher(text);
            return m.group(1).equals("200") && f.find() ? "fault " + f.group(1) : m.group(1);
        }
    }

    @Test
    void everyHostileRequestIsRefusedAndTheDaemonKeepsServing() throws Exception {
        int port = XmlRpcEndToEndIT.freePort();
        String conf = XmlRpcEndToEndIT.config(dir, port, true);
        try (DaemonHarness d = DaemonHarness.start(dir, conf)) {
            d.awaitLog("success: cat entered RUNNING", T);
            long catPid = d.pidOf("cat");
            List<Case> cases = cases();
            assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
            List<String> wrong = new ArrayList<>();
            for (Case c : cases) {
                String got = exchange(port, c.request());
                if (!got.matches(c.expected())) {
                    wrong.add(c.name() + ": got " + got + ", expected " + c.expected());
                }
                String state = exchange(port, post(call("supervisor.getState", ""), true));
                if (!state.equals("200")) {
                    wrong.add("after " + c.name() + ": getState answered " + state);
                }
            }
            assertThat(wrong).isEmpty();
            assertThat(ProcessHandle.of(catPid).map(ProcessHandle::isAlive)).contains(true);
            assertThat(d.log()).doesNotContain(java.nio.file.Files.readString(Path.of("/etc/hostname")).strip()
                    + "\n");
        }
    }
}
