package jsupervisor.daemon.http;

import java.io.IOException;

/**
 * One endpoint of the server (XML-RPC, log tails, the web UI), implemented outside this package. The
 * server asks each route in order and the first whose {@link #matches} is true handles the request, as
 * medusa walks its handler list; no match is answered with medusa's error page: 404 for GET and HEAD, 400 for
 * any other method.
 *
 * <p>Threads: both methods run on the connection's virtual thread, never on the supervisor loop, so
 * {@link #handle} may block (wait for a loop command's future, follow a log file). Implementations are
 * shared by all connections and must be thread-safe.
 *
 * <p>Contract of {@link #handle}: answer exactly once through {@code response} ({@code send},
 * {@code sendError} or {@code stream}). An exception before anything was sent becomes a 500; after that
 * it ends the connection.
 */
public interface Route {

    /** True when this route serves {@code request}; typically a path prefix test such as {@code /RPC2}. */
    boolean matches(HttpRequest request);

    /** Answers {@code request}; may block. */
    void handle(HttpRequest request, HttpResponse response) throws IOException;

    /** The body of a route, for {@link #pathPrefix}. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpRequest request, HttpResponse response) throws IOException;
    }

    /** A route for every path starting with {@code prefix}, which is how medusa matches {@code /RPC2}. */
    static Route pathPrefix(String prefix, Handler handler) {
        return new Route() {
            @Override
            public boolean matches(HttpRequest request) {
                return request.uri().startsWith(prefix);
            }

            @Override
            public void handle(HttpRequest request, HttpResponse response) throws IOException {
                handler.handle(request, response);
            }

            @Override
            public String toString() {
                return "Route(" + prefix + "*)";
            }
        };
    }
}
