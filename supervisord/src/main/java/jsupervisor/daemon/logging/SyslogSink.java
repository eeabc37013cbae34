package jsupervisor.daemon.logging;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * Sends log lines to the local syslog daemon, for {@code stdout_syslog=true} / {@code stderr_syslog=true} and
 * {@code logfile=syslog}.
 *
 * <p>Supervisor calls Python's {@code syslog.syslog(msg)}, i.e. glibc's {@code syslog(3)} with facility USER and
 * priority INFO and no {@code openlog}, so what reaches {@code /dev/log} is glibc's RFC 3164 form without a
 * hostname: {@code <14>Nov 24 06:19:31 supervisord: cat hello} (day space-padded, local time; captured on
 * this machine). For child output Supervisor strips the chunk's trailing newlines, splits it on {@code \n} and
 * sends each line prefixed with {@code "<process name> "} ({@code dispatchers.py _init_normallog},
 * {@code loggers.py SyslogHandler.emit}); unlike Supervisor, a chunk that is not valid UTF-8 is sent as raw
 * bytes instead of being dropped with a traceback.
 *
 * <p>The socket itself comes through a {@link Connector}: the JDK cannot open the AF_UNIX <em>datagram</em>
 * socket that journald and rsyslog listen on, so the production connector lives in the posix layer;
 * {@link #unixStream(Path)} covers daemons listening on a stream socket. When connecting fails (no
 * {@code /dev/log} in a container) the failure is reported once, lines are dropped, and connecting is retried
 * at most once a minute or on {@link #reopen()}.
 *
 * <p>Loop-confined: no locks; all methods run on the supervisor loop thread.
 */
public final class SyslogSink implements LogSink {

    /** An open connection to the syslog daemon; one {@link #send} per syslog message. */
    public interface Transport extends AutoCloseable {
        void send(byte[] message) throws IOException;

        @Override
        void close();
    }

    /** Opens a {@link Transport}; called lazily on the first message and after failures. */
    @FunctionalInterface
    public interface Connector {
        Transport connect() throws IOException;
    }

    /** {@code LOG_USER | LOG_INFO}: what Python's {@code syslog.syslog(msg)} uses. */
    public static final int USER_INFO = 8 | 6;

    private static final Duration RECONNECT_INTERVAL = Duration.ofSeconds(60);
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private final String ident;
    private final byte[] linePrefix;
    private final Connector connector;
    private final LocalClock clock;
    private final SinkListener listener;
    private Transport transport;
    private Instant nextConnect = Instant.MIN;
    private boolean failing;
    private long droppedBytes;

    /**
     * A sink tagging messages with {@code ident} (Supervisor's is {@code supervisord}, the basename of argv[0])
     * and prefixing each line of {@link #write} with {@code linePrefix} ({@code "name "} for a child, empty for
     * the main log).
     */
    public SyslogSink(String ident, String linePrefix, Connector connector, Clock clock, SinkListener listener) {
        this.ident = ident;
        this.linePrefix = linePrefix.getBytes(StandardCharsets.UTF_8);
        this.connector = connector;
        this.clock = LocalClock.of(clock);
        this.listener = listener;
    }

    /** A connector for a syslog daemon on a unix stream socket; messages are NUL-terminated, as glibc does. */
    public static Connector unixStream(Path socket) {
        return () -> {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return new Transport() {
                @Override
                public void send(byte[] message) throws IOException {
                    ByteBuffer buffer = ByteBuffer.allocate(message.length + 1).put(message).put((byte) 0).flip();
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                }

                @Override
                public void close() {
                    try {
                        channel.close();
                    } catch (IOException ignored) {
                        // the daemon went away; nothing to flush
                    }
                }
            };
        };
    }

    /** Child output: one syslog message per line of the chunk, trailing newlines stripped, each with the prefix. */
    @Override
    public void write(byte[] data, int offset, int len) {
        int end = offset + len;
        while (end > offset && data[end - 1] == '\n') {
            end--;
        }
        int start = offset;
        for (int i = offset; i <= end; i++) {
            if (i == end || data[i] == '\n') {
                byte[] line = new byte[linePrefix.length + i - start];
                System.arraycopy(linePrefix, 0, line, 0, linePrefix.length);
                System.arraycopy(data, start, line, linePrefix.length, i - start);
                send(line);
                start = i + 1;
            }
        }
    }

    /** Sends one message (the text after {@code "ident: "}), connecting first if needed. */
    public void send(byte[] message) {
        Instant now = clock.instant();
        if (transport == null && !connect(now)) {
            droppedBytes += message.length;
            return;
        }
        try {
            transport.send(frame(now, message));
        } catch (IOException e) {
            droppedBytes += message.length;
            transport.close();
            transport = null; // the daemon may have restarted: reconnect on the next message
            fail("send", e);
            return;
        }
        if (failing) {
            failing = false;
            long dropped = droppedBytes;
            droppedBytes = 0;
            listener.recovered("syslog", dropped);
        }
    }

    /** Drops the connection and allows an immediate reconnect (SIGUSR2 after syslog was restarted). */
    @Override
    public void reopen() {
        close();
        nextConnect = Instant.MIN;
    }

    @Override
    public void close() {
        if (transport != null) {
            transport.close();
            transport = null;
        }
    }

    /** {@code <14>Nov 24 06:19:31 ident: message}, as glibc's syslog(3) writes it. */
    byte[] frame(Instant now, byte[] message) {
        LocalDateTime t = clock.localDateTime(now.getEpochSecond());
        String header = String.format("<%d>%s %2d %02d:%02d:%02d %s: ", USER_INFO, MONTHS[t.getMonthValue() - 1],
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), ident);
        byte[] head = header.getBytes(StandardCharsets.UTF_8);
        byte[] framed = new byte[head.length + message.length];
        System.arraycopy(head, 0, framed, 0, head.length);
        System.arraycopy(message, 0, framed, head.length, message.length);
        return framed;
    }

    private boolean connect(Instant now) {
        if (now.isBefore(nextConnect)) {
            return false;
        }
        try {
            transport = connector.connect();
            return true;
        } catch (IOException e) {
            nextConnect = now.plus(RECONNECT_INTERVAL);
            fail("connect", e);
            return false;
        }
    }

    private void fail(String action, IOException cause) {
        if (!failing) {
            failing = true;
            listener.failed("syslog", action, cause);
        }
    }
}
