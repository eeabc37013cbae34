package jsupervisor.it.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.ctl.RpcClient;
import jsupervisor.it.Await;
import jsupervisor.it.DaemonHarness;

/**
 * Our supervisord with the programs the web UI tests look at, served on 127.0.0.1 (TCP port chosen free) and on a
 * unix socket in the test's temp dir, with or without a password; plus an XML-RPC client to check what the page
 * claims. Closing stops the daemon and reaps every child.
 */
final class WebDaemon implements AutoCloseable {
    static final String USER = "admin";
    static final String PASSWORD = "s3cret";
    static final Duration T = Duration.ofSeconds(30);

    private final DaemonHarness harness;
    private final int port;
    private final boolean auth;

    private WebDaemon(DaemonHarness harness, int port, boolean auth) {
        this.harness = harness;
        this.port = port;
        this.auth = auth;
    }

    /**
     * Programs: {@code echo} (prints {@code got <line>} for every stdin line, and {@code err <line>} on stderr; a
     * small rotating stdout log),
     * {@code sleeper} (runs), {@code broken} (FATAL), {@code quiet} (runs, no stdout log), and group
     * {@code web} with {@code worker_0}, {@code worker_1} (running) and {@code idle} (not started).
     */
    static WebDaemon start(Path dir, boolean auth) throws IOException {
        int port = freePort();
        String body = config(dir, port, auth);
        WebDaemon daemon = new WebDaemon(DaemonHarness.start(java.nio.file.Files.createDirectories(dir), body),
                port, auth);
        try {
            Await.until("the programs to settle", T, () -> daemon.stateOrNull("broken").equals("FATAL")
                    && daemon.stateOrNull("sleeper").equals("RUNNING")
                    && daemon.stateOrNull("web:worker_1").equals("RUNNING")
                    && daemon.stateOrNull("echo").equals("RUNNING"));
        } catch (AssertionError e) {
            daemon.close();
            throw e;
        }
        return daemon;
    }

    /** The servers and programs above (everything but {@code [supervisord]}), for our daemon or the reference. */
    static String config(Path dir, int port, boolean auth) {
        String credentials = auth ? "username=" + USER + "\npassword=" + PASSWORD + "\n" : "";
        return """
                [inet_http_server]
                port=127.0.0.1:%1$d
                %2$s
                [unix_http_server]
                file=%3$s/s.sock
                %2$s
                [rpcinterface:supervisor]
                supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
                [program:echo]
                command=/bin/sh -c 'while read l; do echo "got $l"; echo "err $l" >&2; done'
                startsecs=0
                stdout_logfile=%3$s/echo.log
                stdout_logfile_maxbytes=4KB
                stdout_logfile_backups=2
                [program:sleeper]
                command=/bin/sleep 1000
                startsecs=0
                [program:broken]
                command=/bin/false
                startsecs=1
                startretries=0
                [program:quiet]
                command=/bin/sleep 1000
                startsecs=0
                stdout_logfile=NONE
                [program:idle]
                command=/bin/sleep 1000
                autostart=false
                startsecs=0
                [program:worker]
                command=/bin/sleep 1000
                numprocs=2
                process_name=%%(program_name)s_%%(process_num)d
                startsecs=0
                [group:web]
                programs=worker,idle
                """.formatted(port, credentials, dir);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    Path dir() {
        return harness.dir();
    }

    DaemonHarness harness() {
        return harness;
    }

    /** The page's base URL, with the credentials in it when the daemon has a password. */
    String url(String path) {
        return "http://" + (auth ? USER + ":" + PASSWORD + "@" : "") + "127.0.0.1:" + port + "/" + path;
    }

    RpcClient rpc() {
        return new RpcClient("http://127.0.0.1:" + port, auth ? USER : null, auth ? PASSWORD : null);
    }

    XmlRpcValue.Struct info(String namespec) throws Exception {
        return (XmlRpcValue.Struct) rpc().call("supervisor.getProcessInfo", XmlRpcValue.of(namespec));
    }

    String state(String namespec) throws Exception {
        return info(namespec).getString("statename");
    }

    int pid(String namespec) throws Exception {
        return info(namespec).getInt("pid");
    }

    /** The state, or "" while the daemon does not answer yet. */
    String stateOrNull(String namespec) {
        try {
            return state(namespec);
        } catch (Exception e) {
            return "";
        }
    }

    void call(String method, String... args) throws Exception {
        rpc().call(method, List.of(args).stream().map(XmlRpcValue::of).toArray(XmlRpcValue[]::new));
    }

    @Override
    public void close() {
        try {
            harness.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the daemon in " + harness.dir(), e);
        }
    }
}
