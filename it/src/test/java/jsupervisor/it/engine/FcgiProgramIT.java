package jsupervisor.it.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jsupervisor.it.Await;
import jsupervisor.it.DaemonHarness;

/**
 * {@code [fcgi-program:x]}: the daemon makes the listening socket and every process of the group gets it as
 * fd 0; the socket is made when the first process starts and closed when the last one is reaped, with the log
 * lines Supervisor 4.2.5 prints (checked against it by hand: same lines, same order).
 */
class FcgiProgramIT {
    /** Accepts on fd 0 and answers each connection with its pid. */
    private static final String SERVER = """
            import os, socket
            s = socket.socket(fileno=0)
            while True:
                c, _ = s.accept()
                c.sendall(b'pid %d\\n' % os.getpid())
                c.close()
            """;

    @TempDir
    Path dir;

    private Path server() throws IOException {
        Path p = dir.resolve("server.py");
        Files.writeString(p, SERVER);
        return p;
    }

    private static String ask(SocketAddress address, StandardProtocolFamily family) throws IOException {
        try (SocketChannel ch = SocketChannel.open(family)) {
            ch.connect(address);
            ByteBuffer buf = ByteBuffer.allocate(64);
            for (int i = 0; i < 100 && ch.read(buf) >= 0; i++) {
                // read until the server closes
            }
            buf.flip();
            return StandardCharsets.US_ASCII.decode(buf).toString().trim();
        }
    }

    @Test
    void processesShareAUnixSocketMadeAndClosedAsSupervisorDoes() throws Exception {
        Path socket = dir.resolve("f.sock");
        try (DaemonHarness d = DaemonHarness.start(dir, """
                [fcgi-program:f]
                socket=unix://%s
                command=/usr/bin/python3 -u %s
                numprocs=2
                process_name=%%(program_name)s_%%(process_num)d
                startsecs=0
                """.formatted(socket, server()))) {
            d.awaitCount("spawned: 'f_\\d' with pid \\d+", 2, Duration.ofSeconds(30));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rwx------");
            Set<String> answers = new HashSet<>();
            Set<String> pids = Set.of("pid " + d.pidOf("f_0"), "pid " + d.pidOf("f_1"));
            for (int i = 0; i < 40 && answers.size() < 2; i++) {
                answers.add(ask(UnixDomainSocketAddress.of(socket), StandardProtocolFamily.UNIX));
            }
            assertThat(pids).containsAll(answers);
            assertThat(answers).as("answers come from the group's processes").isNotEmpty();

            d.signal("TERM");
            d.awaitExit(Duration.ofSeconds(30));
            List<String> lines = d.log().lines().map(l -> l.substring(24))
                    .filter(l -> l.contains("socket") || l.contains("spawned") || l.contains("stopped")
                            || l.contains("started with"))
                    .map(l -> l.replaceAll("pid \\d+", "pid N")).toList();
            String url = "unix://" + socket;
            assertThat(lines.subList(0, 6)).containsExactly(
                    "INFO Creating socket " + url,
                    "INFO Closing socket " + url,
                    "INFO supervisord started with pid N",
                    "INFO Creating socket " + url,
                    "INFO spawned: 'f_0' with pid N",
                    "INFO spawned: 'f_1' with pid N");
            assertThat(lines.getLast()).as("closed after the last process stopped").isEqualTo(
                    "INFO Closing socket " + url);
            assertThat(lines.subList(6, 8)).allMatch(l -> l.startsWith("WARN stopped: f_"));
            assertThat(Files.exists(socket)).as("the file stays, as with Supervisor").isTrue();
        }
    }

    @Test
    void aTcpSocketIsFdZeroOfTheChild() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (DaemonHarness d = DaemonHarness.start(dir, """
                [fcgi-program:t]
                socket=tcp://127.0.0.1:%d
                socket_backlog=16
                command=/usr/bin/python3 -u %s
                startsecs=0
                """.formatted(port, server()))) {
            d.awaitLog("spawned: 't'", Duration.ofSeconds(30));
            String pid = "pid " + d.pidOf("t");
            String[] answer = new String[1];
            Await.until("an answer on the TCP socket", Duration.ofSeconds(20), () -> {
                try {
                    answer[0] = ask(new InetSocketAddress("127.0.0.1", port), StandardProtocolFamily.INET);
                    return true;
                } catch (IOException e) {
                    return false;
                }
            });
            assertThat(answer[0]).isEqualTo(pid);
        }
    }

    @Test
    void aSocketThatCannotBeMadeStopsTheDaemonWithAClearError() throws Exception {
        Path socket = dir.resolve("missing/f.sock");
        try (DaemonHarness d = DaemonHarness.start(dir, """
                [fcgi-program:f]
                socket=unix://%s
                command=/bin/cat
                """.formatted(socket))) {
            assertThat(d.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
            String message = "Could not create FastCGI socket unix://" + socket
                    + ": [Errno 2] No such file or directory";
            assertThat(Files.readString(dir.resolve("stderr.txt"))).contains("Error: " + message);
            assertThat(d.log()).contains("INFO Creating socket unix://" + socket, "CRIT " + message);
            assertThat(d.spawnedPids()).isEmpty();
        }
    }
}
