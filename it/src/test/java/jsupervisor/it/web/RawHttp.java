package jsupervisor.it.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP/1.1 exchange over TCP or a unix socket, written by hand so a test controls every header (Origin,
 * Cookie, Sec-Fetch-Site, Authorization) the way a hostile or foreign client would send them. The request asks
 * {@code Connection: close} and the whole answer is read within a deadline; a streaming answer
 * ({@code /logtail}, which has no length) is cut after its head.
 */
final class RawHttp {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)");

    /** Where to connect: a TCP port on 127.0.0.1 or a unix socket file. */
    record Target(SocketAddress address, String host) {
        static Target tcp(int port) {
            return new Target(new InetSocketAddress("127.0.0.1", port), "127.0.0.1:" + port);
        }

        static Target unix(Path socket) {
            return new Target(UnixDomainSocketAddress.of(socket), "localhost");
        }
    }

    /** A parsed answer; header names are lower-cased. */
    record Answer(int status, List<String[]> headers, String body) {
        String header(String name) {
            return headers.stream().filter(h -> h[0].equals(name.toLowerCase(Locale.ROOT))).map(h -> h[1])
                    .findFirst().orElse(null);
        }
    }

    private RawHttp() {}

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** GET {@code path} with the extra header lines given as {@code "Name: value"}. */
    static Answer get(Target target, String path, String... headers) throws IOException {
        return exchange(target, "GET", path, null, headers);
    }

    /** POST a form body to {@code path}. */
    static Answer post(Target target, String path, String form, String... headers) throws IOException {
        return exchange(target, "POST", path, form, headers);
    }

    static Answer exchange(Target target, String method, String path, String body, String... headers)
            throws IOException {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + target.host()
                + "\r\nConnection: close\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            head.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
                    .append(payload.length).append("\r\n");
        }
        head.append("\r\n");
        SocketChannel channel = target.address() instanceof UnixDomainSocketAddress
                ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
        try (channel) {
            channel.connect(target.address());
            channel.write(ByteBuffer.wrap(head.toString().getBytes(StandardCharsets.ISO_8859_1)));
            channel.write(ByteBuffer.wrap(payload));
            return parse(readUntilClosedOrStreaming(channel));
        }
    }

    /** Reads the whole answer (by its length, or to the close), or only the head of one without a length. */
    private static byte[] readUntilClosedOrStreaming(SocketChannel channel) throws IOException {
        CompletableFuture<byte[]> result = CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            try {
                while (channel.read(buffer.clear()) >= 0) {
                    all.write(buffer.array(), 0, buffer.position());
                    String sofar = all.toString(StandardCharsets.ISO_8859_1);
                    int head = sofar.indexOf("\r\n\r\n");
                    if (head > 0) {
                        Matcher length = CONTENT_LENGTH.matcher(sofar.substring(0, head));
                        if (!length.find()) {
                            break; // a follow never ends and has no length: its head is enough
                        }
                        if (all.size() - head - 4 >= Integer.parseInt(length.group(1))) {
                            break;
                        }
                    }
                }
            } catch (IOException e) {
                // closed: what we have is the answer
            }
            return all.toByteArray();
        });
        try {
            return result.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            channel.close();
            throw new IOException("no complete answer within " + DEADLINE, e);
        }
    }

    private static Answer parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no HTTP head in: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(new String[] {lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip()});
        }
        return new Answer(status, headers, text.substring(end + 4));
    }
}
