package jsupervisor.daemon.http;

/**
 * What a request can learn about the listener that accepted it; immutable.
 *
 * @param section    the config section, e.g. {@code unix_http_server} or {@code inet_http_server:admin}
 * @param unix       true for a unix domain socket
 * @param serverName medusa's {@code server_name}: {@code <unix domain socket>}, or the bound host
 * @param port       medusa's {@code port}: the socket file for unix, the bound TCP port number otherwise
 */
public record ListenerInfo(String section, boolean unix, String serverName, String port) {}
