package jsupervisor.ctl;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.util.Locale;

/**
 * Where the server listens, parsed from a serverurl as {@code SupervisorTransport} and {@code http_client}
 * parse it: {@code unix://<path>} (everything after the scheme is the socket path) or
 * {@code http://host[:port]} (port 80 by default). Immutable.
 *
 * @param url the URL as given, used verbatim in messages
 * @param unixPath the socket path, or null for TCP
 * @param host the TCP host, or null for unix
 * @param port the TCP port
 */
public record ServerUrl(String url, String unixPath, String host, int port) {

    /** Parses {@code url}; an unsupported scheme fails as the transport does, when the first call is made. */
    public static ServerUrl parse(String url) throws PythonError {
        if (url.startsWith("unix://")) {
            return new ServerUrl(url, url.substring(7), null, 0);
        }
        if (url.startsWith("http://")) {
            String rest = url.substring(7);
            int end = firstOf(rest, "/?#");
            String netloc = rest.substring(0, end);
            int at = netloc.lastIndexOf('@');
            String hostPort = netloc.substring(at + 1);
            String host = hostPort;
            int port = 80;
            int colon = hostPort.lastIndexOf(':');
            if (colon >= 0 && hostPort.indexOf(']') < colon) {
                host = hostPort.substring(0, colon);
                String p = hostPort.substring(colon + 1);
                if (!p.isEmpty()) {
                    try {
                        port = Integer.parseInt(p);
                    } catch (NumberFormatException e) {
                        throw new PythonError("ValueError",
                                "Port could not be cast to integer value as '" + p + "'",
                                "/usr/lib/python3.11/urllib/parse.py line: 182", 0);
                    }
                }
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.isEmpty()) {
                throw PythonError.noHost();
            }
            return new ServerUrl(url, null, host.toLowerCase(Locale.ROOT), port);
        }
        throw PythonError.unknownProtocol(url);
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    /** The Host header http.client sends: {@code localhost} on a unix socket. */
    public String hostHeader() {
        if (unixPath != null) {
            return "localhost";
        }
        return port == 80 ? host : host + ":" + port;
    }

    /** Opens a connected blocking channel, translating failures into the reference's exceptions. */
    public SocketChannel connect() throws PythonError {
        SocketChannel ch = null;
        try {
            if (unixPath != null) {
                ch = SocketChannel.open(StandardProtocolFamily.UNIX);
                ch.connect(UnixDomainSocketAddress.of(unixPath));
            } else {
                InetSocketAddress addr = new InetSocketAddress(host, port);
                if (addr.isUnresolved()) {
                    throw new UnknownHostException(host);
                }
                ch = SocketChannel.open(addr.getAddress() instanceof java.net.Inet6Address
                        ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
                ch.connect(addr);
            }
            return ch;
        } catch (UnknownHostException e) {
            closeQuietly(ch);
            throw PythonError.unknownHost();
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            throw translate(e);
        }
    }

    private PythonError translate(Exception e) {
        String m = String.valueOf(e.getMessage());
        int errno;
        String strerror;
        if (m.contains("No such file")) {
            errno = PythonError.ENOENT;
            strerror = "No such file or directory";
        } else if (m.contains("refused")) {
            errno = PythonError.ECONNREFUSED;
            strerror = "Connection refused";
        } else if (m.contains("Permission denied")) {
            errno = PythonError.EACCES;
            strerror = "Permission denied";
        } else {
            return PythonError.os(m);
        }
        return unixPath != null ? PythonError.unixSocket(errno, strerror) : PythonError.tcpSocket(errno, strerror);
    }

    private static void closeQuietly(SocketChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
