package jsupervisor.daemon.http;

import java.io.IOException;
import java.util.Map;

/**
 * A listener could not be opened. The message is supervisord's usage error, word for word (supervisor/options.py
 * {@code openhttpservers} and supervisor/http.py), so the caller prints it and exits with status 2.
 */
public final class HttpServerException extends Exception {
    /** supervisord's text for EADDRINUSE, on TCP and for a unix socket somebody answers on. */
    public static final String ADDRESS_IN_USE = "Another program is already listening on a port that one of our "
            + "HTTP servers is configured to use.  Shut this program down first before starting supervisord.";

    // Java reports bind failures as strerror text; Python's message wants errno's symbolic name and number.
    private static final Map<String, String> ERRNO = Map.of(
            "Permission denied", "errno.EACCES (13)",
            "No such file or directory", "errno.ENOENT (2)",
            "Cannot assign requested address", "errno.EADDRNOTAVAIL (99)",
            "Not a directory", "errno.ENOTDIR (20)",
            "Read-only file system", "errno.EROFS (30)",
            "File name too long", "errno.ENAMETOOLONG (36)",
            "Address family not supported by protocol", "errno.EAFNOSUPPORT (97)",
            "Too many open files", "errno.EMFILE (24)");

    public HttpServerException(String message) {
        super(message);
    }

    public HttpServerException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Translates a bind or listen failure into supervisord's usage message. */
    static HttpServerException fromBind(IOException e) {
        String text = e instanceof java.nio.file.AccessDeniedException ? "Permission denied"
                : String.valueOf(e.getMessage());
        if (text.contains("Address already in use")) {
            return new HttpServerException(ADDRESS_IN_USE, e);
        }
        if (text.contains("path too long")) {
            // Python raises OSError("AF_UNIX path too long") without an errno, and prints its text
            return new HttpServerException("Cannot open an HTTP server: socket.error reported AF_UNIX path too long",
                    e);
        }
        for (Map.Entry<String, String> entry : ERRNO.entrySet()) {
            if (text.contains(entry.getKey())) {
                return new HttpServerException(
                        "Cannot open an HTTP server: socket.error reported " + entry.getValue(), e);
            }
        }
        return new HttpServerException("Cannot open an HTTP server: socket.error reported " + text, e);
    }
}
