package jsupervisor.daemon.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datagrams reach a real AF_UNIX datagram receiver (Python's socket module plays syslogd). */
class UnixDatagramSocketIT {
    @TempDir
    Path dir;

    @Test
    void datagramsArriveWhole() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3");
        Path sock = dir.resolve("log.sock");
        Path out = dir.resolve("received.txt");
        Process receiver = new ProcessBuilder("/usr/bin/python3", "-c", """
                import socket, sys
                s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
                s.bind(sys.argv[1])
                open(sys.argv[1] + '.ready', 'w').close()
                got = [s.recv(4096) for _ in range(2)]
                open(sys.argv[2], 'wb').write(b'|'.join(got))
                """, sock.toString(), out.toString()).start();
        try {
            Path ready = Path.of(sock + ".ready");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(ready) && System.nanoTime() < deadline) {
                receiver.waitFor(10, TimeUnit.MILLISECONDS);
            }
            try (UnixDatagramSocket s = UnixDatagramSocket.connect(sock.toString())) {
                s.send("<14>Nov 24 07:00:00 supervisord: web hello".getBytes(StandardCharsets.UTF_8));
                s.send("second".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(receiver.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(out)).isEqualTo("<14>Nov 24 07:00:00 supervisord: web hello|second");
        } finally {
            receiver.destroyForcibly();
        }
    }

    @Test
    void aMissingSocketIsAnErrnoNotACrash() {
        assertThatThrownBy(() -> UnixDatagramSocket.connect(dir.resolve("nobody-here").toString()))
                .isInstanceOf(PosixException.class).hasMessageContaining("ENOENT");
    }
}
