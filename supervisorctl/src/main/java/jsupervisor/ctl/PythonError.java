package jsupervisor.ctl;

/**
 * A failure that the reference supervisorctl reports through its catch-all line
 * {@code error: <class 'X'>, <text>: file: <file> line: <n>} (REFERENCE §9.2), carrying the Python exception
 * class, its {@code str()} and the place Python raises it, so the line reads the same as the reference's.
 * Connection failures also carry their errno, which the upcheck and {@code shutdown} inspect. Immutable.
 */
public final class PythonError extends Exception {
    public static final int ENOENT = 2;
    public static final int EACCES = 13;
    public static final int ECONNREFUSED = 111;

    private static final String XMLRPC_PY = "/usr/lib/python3/dist-packages/supervisor/xmlrpc.py";
    private static final String SOCKET_PY = "/usr/lib/python3.11/socket.py";
    private static final String GETPASS_PY = "/usr/lib/python3.11/getpass.py";
    private static final String HTTP_CLIENT_PY = "/usr/lib/python3.11/http/client.py";
    private static final String XMLRPC_CLIENT_PY = "/usr/lib/python3.11/xmlrpc/client.py";
    private static final String CTL_PY = "/usr/lib/python3/dist-packages/supervisor/supervisorctl.py";

    private final String pythonClass;
    private final String text;
    private final String where;
    private final int errno;

    public PythonError(String pythonClass, String text, String where, int errno) {
        super(text, null, false, false);
        this.pythonClass = pythonClass;
        this.text = text;
        this.where = where;
        this.errno = errno;
    }

    /** A connect() on the unix socket failed with {@code errno} (raised in supervisor's UnixStreamHTTPConnection). */
    public static PythonError unixSocket(int errno, String strerror) {
        return new PythonError(osErrorClass(errno), "[Errno " + errno + "] " + strerror, XMLRPC_PY + " line: 557",
                errno);
    }

    /** A TCP connect failed with {@code errno} (raised in socket.create_connection). */
    public static PythonError tcpSocket(int errno, String strerror) {
        return new PythonError(osErrorClass(errno), "[Errno " + errno + "] " + strerror, SOCKET_PY + " line: 836",
                errno);
    }

    /** The host name did not resolve. */
    public static PythonError unknownHost() {
        return new PythonError("socket.gaierror", "[Errno -2] Name or service not known", SOCKET_PY + " line: 962", -2);
    }

    /** {@code SupervisorTransport} refuses a URL that is neither http:// nor unix://. */
    public static PythonError unknownProtocol(String serverurl) {
        return new PythonError("ValueError", "Unknown protocol for serverurl " + serverurl,
                XMLRPC_PY + " line: 505", 0);
    }

    /** A result struct carried a code the command does not know ({@code _startresult} and friends). */
    public static PythonError unknownResultCode(int code, String name, int line) {
        return new PythonError("ValueError", "Unknown result code " + code + " for " + name,
                CTL_PY + " line: " + line, 0);
    }

    /** {@code raw_input} met EOF at line {@code line} of supervisorctl.py. */
    public static PythonError eof(int line) {
        return new PythonError("EOFError", "EOF when reading a line", CTL_PY + " line: " + line, 0);
    }

    /** getpass met EOF: its {@code _raw_input} raises a bare EOFError. */
    public static PythonError getpassEof() {
        return new PythonError("EOFError", "", GETPASS_PY + " line: 148", 0);
    }

    /** The server closed the connection before a status line. */
    public static PythonError remoteDisconnected() {
        return new PythonError("http.client.RemoteDisconnected", "Remote end closed connection without response",
                HTTP_CLIENT_PY + " line: 287", 0);
    }

    /** The first line of the answer is not an HTTP status line; {@code line} as read, terminator included. */
    public static PythonError badStatusLine(String line) {
        return new PythonError("http.client.BadStatusLine", line, HTTP_CLIENT_PY + " line: 300", 0);
    }

    /** An http URL without a host: urlparse's hostname is None, which http.client cannot put in Host. */
    public static PythonError noHost() {
        return new PythonError("TypeError", "expected string or bytes-like object, got 'NoneType'",
                HTTP_CLIENT_PY + " line: 1233", 0);
    }

    /** The server reset the connection while the answer was read. */
    public static PythonError connectionReset() {
        return new PythonError("ConnectionResetError", "[Errno 104] Connection reset by peer",
                SOCKET_PY + " line: 706", 104);
    }

    /** The answer is not XML; {@code text} in expat's place. */
    public static PythonError expat(String text) {
        return new PythonError("xml.parsers.expat.ExpatError", text, XMLRPC_CLIENT_PY + " line: 460", 0);
    }

    /** Any other I/O failure, as a generic OSError. */
    public static PythonError os(String text) {
        return new PythonError("OSError", text, SOCKET_PY + " line: 836", 0);
    }

    private static String osErrorClass(int errno) {
        return switch (errno) {
            case ENOENT -> "FileNotFoundError";
            case ECONNREFUSED -> "ConnectionRefusedError";
            case EACCES -> "PermissionError";
            default -> "OSError";
        };
    }

    public String pythonClass() {
        return pythonClass;
    }

    public String text() {
        return text;
    }

    public String where() {
        return where;
    }

    /** The errno of a socket failure, 0 for the other kinds. */
    public int errno() {
        return errno;
    }
}
