package jsupervisor.daemon.logging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyslogSinkTest {

    @TempDir
    Path dir;

    /** Records each message as text; fails every send while {@code broken} is set. */
    static final class RecordingTransport implements SyslogSink.Transport {
        final List<String> sent;
        boolean broken;

        RecordingTransport(List<String> sent) {
            this.sent = sent;
        }

        @Override
        public void send(byte[] message) throws IOException {
            if (broken) {
                throw new IOException("Connection refused");
            }
            sent.add(new String(message, UTF_8));
        }

        @Override
        public void close() {
        }
    }

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now;

        ManualClock(String instant) {
            now = Instant.parse(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final List<String> sent = new ArrayList<>();
    private final RecordingSinkListener listener = new RecordingSinkListener();

    @Test
    void childOutputBecomesOneMessagePerLineWithTheProcessName() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-04T06:19:31.5Z"), ZoneOffset.UTC);
        SyslogSink sink = new SyslogSink("supervisord", "cat ", () -> new RecordingTransport(sent), clock, listener);
        sink.write("hello\n\nworld\n\n\n".getBytes(UTF_8));
        sink.write("\n".getBytes(UTF_8));
        assertThat(sent).containsExactly(
                "<14>Nov  4 06:19:31 supervisord: cat hello",
                "<14>Nov  4 06:19:31 supervisord: cat ",
                "<14>Nov  4 06:19:31 supervisord: cat world",
                "<14>Nov  4 06:19:31 supervisord: cat ");
        assertThat(listener.events).isEmpty();
    }

    @Test
    void missingSocketIsReportedOnceAndRetriedAtMostOncePerMinute() {
        ManualClock clock = new ManualClock("2026-11-24T06:00:00Z");
        int[] attempts = {0};
        boolean[] available = {false};
        SyslogSink sink = new SyslogSink("supervisord", "p ", () -> {
            attempts[0]++;
            if (!available[0]) {
                throw new IOException("No such file or directory");
            }
            return new RecordingTransport(sent);
        }, clock, listener);

        sink.write("lost 1\n".getBytes(UTF_8));
        sink.write("lost 2\n".getBytes(UTF_8));
        clock.now = clock.now.plus(Duration.ofSeconds(59));
        sink.write("lost 3\n".getBytes(UTF_8));
        assertThat(attempts[0]).isEqualTo(1);
        assertThat(listener.events).containsExactly("failed connect: No such file or directory");

        available[0] = true;
        clock.now = clock.now.plus(Duration.ofSeconds(1));
        sink.write("delivered\n".getBytes(UTF_8));
        assertThat(sent).containsExactly("<14>Nov 24 06:01:00 supervisord: p delivered");
        assertThat(listener.events).containsExactly("failed connect: No such file or directory",
                "recovered, dropped 24");
    }

    @Test
    void sendFailureReconnectsOnTheNextMessage() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T06:00:00Z"), ZoneOffset.UTC);
        List<RecordingTransport> transports = new ArrayList<>();
        SyslogSink sink = new SyslogSink("supervisord", "", () -> {
            RecordingTransport transport = new RecordingTransport(sent);
            transports.add(transport);
            return transport;
        }, clock, listener);
        sink.send("one".getBytes(UTF_8));
        transports.get(0).broken = true;
        sink.send("two".getBytes(UTF_8));
        sink.send("three".getBytes(UTF_8));
        assertThat(transports).hasSize(2);
        assertThat(sent).containsExactly("<14>Nov 24 06:00:00 supervisord: one",
                "<14>Nov 24 06:00:00 supervisord: three");
        assertThat(listener.events).containsExactly("failed send: Connection refused", "recovered, dropped 3");
    }

    @Test
    void unixStreamConnectorSendsNulTerminatedMessages() throws IOException {
        Path socket = dir.resolve("log.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Clock clock = Clock.fixed(Instant.parse("2026-11-24T06:00:00Z"), ZoneOffset.UTC);
            SyslogSink sink = new SyslogSink("supervisord", "web ", SyslogSink.unixStream(socket), clock, listener);
            sink.write("up\n".getBytes(UTF_8)); // connect completes against the backlog; accept afterwards
            try (SocketChannel peer = server.accept()) {
                sink.close();
                ByteBuffer received = ByteBuffer.allocate(256);
                while (peer.read(received) >= 0) {
                    // read until the sink's close ends the stream
                }
                assertThat(new String(received.array(), 0, received.position(), UTF_8))
                        .isEqualTo("<14>Nov 24 06:00:00 supervisord: web up\0");
            }
        }
        assertThat(listener.events).isEmpty();
    }
}
