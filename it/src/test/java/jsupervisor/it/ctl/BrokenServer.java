package jsupervisor.it.ctl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTTP server on 127.0.0.1 that is not supervisord: it reads each request whole and then misbehaves in one
 * way, so that what supervisorctl prints for a broken server can be compared. Serves connections on threads of
 * its own until closed; every thread is joined at close.
 */
final class BrokenServer implements AutoCloseable {
    enum Misbehaviour {
        /** Closes with an RST (SO_LINGER 0) instead of answering. */
        RESET,
        /** Answers a line that is not an HTTP status line. */
        GARBAGE,
        /** Closes without a byte of answer. */
        CLOSE,
        /** Answers 200 with an empty body. */
        EMPTY_200
    }

    private final ServerSocket server;
    private final Misbehaviour how;
    private final Thread acceptor;
    private final List<Thread> handlers = new ArrayList<>();

    BrokenServer(Misbehaviour how) throws IOException {
        this.how = how;
        this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().name("broken-server").start(this::accept);
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        for (int i = 0; i < 1000; i++) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException closed) {
                return;
            }
            synchronized (handlers) {
                handlers.add(Thread.ofPlatform().name("broken-server-conn").start(() -> answer(s)));
            }
        }
    }

    private void answer(Socket s) {
        try (s) {
            s.setSoTimeout(10_000);
            readRequest(s.getInputStream());
            OutputStream out = s.getOutputStream();
            switch (how) {
                case RESET -> s.setSoLinger(true, 0);
                case GARBAGE -> out.write("garbage\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                case CLOSE -> { }
                case EMPTY_200 -> out.write("HTTP/1.0 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 0\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        } catch (SocketTimeoutException | RuntimeException e) {
            // a client that never finished its request: nothing to answer
        } catch (IOException e) {
            // the client went away first
        }
    }

    /** Reads the head and a Content-Length body, so that closing does not reset a half-read request. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (head.size() < 65536 && !head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                return;
            }
            head.write(c);
        }
        String h = head.toString(StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        int at = h.indexOf("content-length:");
        if (at >= 0) {
            int len = Integer.parseInt(h.substring(at + 15, h.indexOf('\r', at)).trim());
            in.readNBytes(len);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        acceptor.join(10_000);
        List<Thread> all;
        synchronized (handlers) {
            all = List.copyOf(handlers);
        }
        for (Thread t : all) {
            t.join(15_000);
        }
    }
}
