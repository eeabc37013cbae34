package jsupervisor.daemon.config;

/**
 * A {@code [unix_http_server*]} or {@code [inet_http_server*]} section. Passwords are clear text or
 * {@code {SHA}<hex>}; username and password are both set or both null.
 */
public sealed interface HttpServerConfig permits HttpServerConfig.Unix, HttpServerConfig.Inet {
    /** The section name, e.g. {@code unix_http_server} or {@code inet_http_server:admin}. */
    String section();

    String username();

    String password();

    /** A unix socket server: {@code chownUid}/{@code chownGid} are -1 when unchanged. */
    record Unix(String section, String file, int chmod, int chownUid, int chownGid, String username,
                String password) implements HttpServerConfig {}

    /** A TCP server; an empty host means all interfaces. */
    record Inet(String section, String host, int port, String username, String password)
            implements HttpServerConfig {}
}
