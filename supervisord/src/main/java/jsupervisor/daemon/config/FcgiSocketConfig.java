package jsupervisor.daemon.config;

/**
 * The shared socket of an {@code [fcgi-program:x]} group: a unix socket (path, owner, mode) or a TCP one
 * (host, port). {@code url} is Supervisor's canonical form ({@code unix:///path} or {@code tcp://host:port}),
 * which is also what reread compares.
 *
 * @param ownerUid -1 when unchanged; {@code ownerGid} likewise
 * @param mode     file mode of a unix socket, or null for TCP
 * @param backlog  listen backlog, or null for the OS default
 */
public record FcgiSocketConfig(String url, String path, String host, int port, int ownerUid, int ownerGid,
                               Integer mode, Integer backlog) {
    public boolean isUnix() {
        return path != null;
    }
}
