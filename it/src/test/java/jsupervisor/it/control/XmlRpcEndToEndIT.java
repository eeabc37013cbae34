package jsupervisor.it.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jsupervisor.it.DaemonHarness;
import jsupervisor.it.Launchers;

/**
 * Our daemon's XML-RPC API driven by Python's xmlrpc.client, the client real tools use, over the unix socket
 * and TCP, with and without authentication.
 */
class XmlRpcEndToEndIT {
    private static final Duration T = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static String config(Path dir, int port, boolean auth) {
        String credentials = auth ? "username=admin\npassword={SHA}" + sha1hex("s3cret") + "\n" : "";
        return """
                [unix_http_server]
                file=%s/s.sock
                %s
                [inet_http_server]
                port=127.0.0.1:%d
                %s
                [rpcinterface:supervisor]
                supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
                [program:cat]
                command=/bin/cat
                startsecs=0
                [program:idle]
                command=/bin/sleep 1000
                autostart=false
                startsecs=0
                [program:broken]
                command=/nonexistent/program
                autostart=false
                [program:nonexec]
                command=/etc/hostname
                autostart=false
                [program:quick]
                command=/bin/false
                autostart=false
                startretries=0
                """.formatted(dir, credentials, port, credentials);
    }

    static String sha1hex(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-1").digest(s.getBytes());
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void runBasicChecks(String url, String... credentials) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(credentials));
        args.add("basic");
        Launchers.Result r = script(url, args);
        assertThat(r.stdout()).doesNotContain("FAIL").contains("OK getProcessInfo fields", "OK ALREADY_STARTED");
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
    }

    private Launchers.Result script(String url, List<String> extra) throws Exception {
        Path script = dir.resolve("rpc_e2e.py");
        try (var in = getClass().getResourceAsStream("/control/rpc_e2e.py")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/python3", script.toString(), url));
        cmd.addAll(extra);
        return Launchers.run(cmd, dir, Map.of(), T);
    }

    private void runChecks(String url, String... credentials) throws Exception {
        Path script = dir.resolve("rpc_e2e.py");
        try (var in = getClass().getResourceAsStream("/control/rpc_e2e.py")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/python3", script.toString(), url));
        cmd.addAll(List.of(credentials));
        Launchers.Result r = Launchers.run(cmd, dir, Map.of(), T);
        assertThat(r.stdout()).doesNotContain("FAIL");
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        assertThat(r.stdout()).contains("OK multicall", "OK getProcessInfo fields", "OK readProcessStdoutLog",
                "OK SPAWN_ERROR exits too quickly", "OK startAllProcesses");
    }

    @Test
    void everyMethodFamilyOverUnixAndTcpWithoutAuth() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")));
        int port = freePort();
        try (DaemonHarness d = DaemonHarness.start(dir, config(dir, port, false))) {
            d.awaitLog("success: cat entered RUNNING", T);
            assertThat(d.log()).contains("CRIT Server 'inet_http_server' running without any HTTP authentication "
                    + "checking", "CRIT Server 'unix_http_server' running without any HTTP authentication checking");
            runBasicChecks("http://127.0.0.1:" + port);
            runChecks("unix://" + dir + "/s.sock", "with-shutdown");
            assertThat(d.awaitExit(T)).isZero();
        }
    }

    @Test
    void theSameChecksPassAgainstTheReferenceDaemon() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/supervisord")), "needs the reference supervisord");
        int port = freePort();
        Path conf = dir.resolve("ref.conf");
        Files.writeString(conf, "[supervisord]\nlogfile=" + dir + "/ref.log\npidfile=" + dir + "/ref.pid\n"
                + "childlogdir=" + dir + "\n" + config(dir, port, false));
        Process ref = new ProcessBuilder("/usr/bin/python3", "/usr/bin/supervisord", "-n", "-c", conf.toString())
                .redirectOutput(dir.resolve("ref.out").toFile()).redirectErrorStream(true).start();
        try {
            jsupervisor.it.Await.until("reference up", T, () -> Files.exists(dir.resolve("s.sock"))
                    && read(dir.resolve("ref.log")).contains("success: cat entered RUNNING"));
            runChecks("unix://" + dir + "/s.sock");
        } finally {
            ref.destroy();
            if (!ref.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                ref.descendants().forEach(ProcessHandle::destroyForcibly);
                ref.destroyForcibly();
            }
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void authIsRequiredOnBothServersWhenConfigured() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")));
        int port = freePort();
        try (DaemonHarness d = DaemonHarness.start(dir, config(dir, port, true))) {
            d.awaitLog("success: cat entered RUNNING", T);
            assertThat(d.log()).doesNotContain("running without any HTTP authentication");
            runBasicChecks("unix://" + dir + "/s.sock", "admin", "s3cret");
            runChecks("http://127.0.0.1:" + port, "admin", "s3cret");
            Launchers.Result denied = Launchers.run(List.of("/usr/bin/python3", "-c",
                    "import xmlrpc.client,sys\ntry:\n xmlrpc.client.ServerProxy('http://admin:wrong@127.0.0.1:"
                            + port + "/RPC2').supervisor.getState()\nexcept xmlrpc.client.ProtocolError as e:\n"
                            + " print(e.errcode)\n"), dir, Map.of(), T);
            assertThat(denied.stdout().strip()).isEqualTo("401");
        }
    }
}
