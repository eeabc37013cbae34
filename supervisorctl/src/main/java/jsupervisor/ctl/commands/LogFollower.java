package jsupervisor.ctl.commands;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import jsupervisor.ctl.Controller;
import jsupervisor.ctl.HttpExchange;
import jsupervisor.ctl.Interrupts;
import jsupervisor.ctl.Output;
import jsupervisor.ctl.PythonError;
import jsupervisor.ctl.ServerUrl;

/**
 * Streams {@code /logtail/...} or {@code /mainlogtail} to stdout until the server ends the response or the
 * user presses Ctrl-C, mirroring {@code _tailf} and {@code supervisor/http_client.py}: a non-200 status or a
 * connection failure is one line on stderr and the command still succeeds. One follower per controller; a
 * stream runs on the calling thread ({@code fg} runs two on their own threads).
 */
public final class LogFollower {
    private final Interrupts interrupts;

    public LogFollower(Interrupts interrupts) {
        this.interrupts = interrupts;
    }

    /** {@code _tailf(path)}: the banner, then the stream; Ctrl-C prints an empty line. */
    public void follow(Controller ctl, String path) {
        ctl.output("==> Press Ctrl-C to exit <==");
        Stream s = new Stream(ctl.serverurl(), ctl.username(), ctl.password(), path, ctl.out());
        interrupts.set(s::close);
        try {
            s.run();
        } finally {
            interrupts.clear();
        }
        if (s.closedByUser.get()) {
            ctl.output("");
        }
    }

    /**
     * One GET, streamed. {@link #close()} may be called from any thread; once it returns the stream writes
     * nothing more, so fg's closing line is always its last (a chunk already read when the user left is
     * dropped, not printed after it).
     */
    public static final class Stream implements Runnable {
        private final String serverurl;
        private final String username;
        private final String password;
        private final String path;
        private final Output out;
        private final AtomicBoolean closedByUser = new AtomicBoolean();
        private volatile SocketChannel channel;
        private final Object gate = new Object();

        public Stream(String serverurl, String username, String password, String path, Output out) {
            this.serverurl = serverurl;
            this.username = username;
            this.password = password;
            this.path = path;
            this.out = out;
        }

        public void close() {
            closedByUser.set(true);
            SocketChannel ch = channel;
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
            synchronized (gate) {
                // waits out a write in progress; every later one sees closedByUser and prints nothing
            }
        }

        @Override
        public void run() {
            String url = serverurl + path;
            try {
                ServerUrl target = ServerUrl.parse(serverurl);
                channel = target.connect();
                if (closedByUser.get()) {
                    channel.close();
                    return;
                }
                channel.write(ByteBuffer.wrap(request(target).getBytes(StandardCharsets.UTF_8)));
                InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 8192);
                pump(in, url);
            } catch (PythonError e) {
                if (!closedByUser.get()) {
                    out.error(url + " Cannot connect, error: <class '" + e.pythonClass() + "'> (" + e.text() + ")");
                }
            } catch (IOException e) {
                // closed by Ctrl-C or by the server: the reference's asyncore loop just ends
            } finally {
                close(channel);
            }
        }

        private static void close(SocketChannel ch) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // nothing left to release
                }
            }
        }

        private String request(ServerUrl target) {
            String host = target.unixPath() != null ? "" : netloc();
            StringBuilder r = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\n");
            r.append("Host: ").append(host).append("\r\n");
            r.append("Accept-Encoding: chunked\r\nAccept: */*\r\nUser-agent: Supervisor HTTP Client\r\n");
            if (password != null && !password.isEmpty()) {
                // Python formats a missing username as None
                String auth = (username == null ? "None" : username) + ":" + password;
                r.append("Authorization: Basic ")
                        .append(Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)))
                        .append("\r\n");
            }
            return r.append("\r\n\r\n").toString();
        }

        private String netloc() {
            String rest = serverurl.substring(serverurl.indexOf("//") + 2);
            int slash = rest.indexOf('/');
            return slash < 0 ? rest : rest.substring(0, slash);
        }

        private void pump(InputStream in, String url) throws IOException {
            HttpExchange response = new HttpExchange(in);
            if (!response.readHead()) {
                return;
            }
            if (response.status() != 200) {
                out.error(url + " Cannot read, status code " + response.status());
                return;
            }
            response.copyBody(this::write);
        }

        private void write(String text) {
            synchronized (gate) {
                if (!closedByUser.get()) {
                    out.raw(text);
                }
            }
        }
    }
}
