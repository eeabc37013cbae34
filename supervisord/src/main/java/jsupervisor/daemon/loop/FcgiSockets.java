package jsupervisor.daemon.loop;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jsupervisor.daemon.config.FcgiSocketConfig;
import jsupervisor.daemon.logging.DaemonLog;
import jsupervisor.daemon.posix.ListeningSocket;

/** The shared sockets of the active {@code [fcgi-program:x]} groups, by group name. Loop-confined. */
final class FcgiSockets {
    private final Map<String, SharedSocket> byGroup = new HashMap<>();
    private final DaemonLog log;

    FcgiSockets(DaemonLog log) {
        this.log = log;
    }

    /**
     * Registers the group's socket after making and closing it once, as Supervisor does when it creates the
     * group so that a bad socket fails at once rather than at the first spawn.
     *
     * @throws GroupCreationException {@code Could not create FastCGI socket <url>: <error>}
     */
    void add(String group, FcgiSocketConfig config) {
        SharedSocket socket = new SharedSocket(config, log);
        try {
            socket.acquire().close();
        } catch (ListeningSocket.Failure e) {
            throw new GroupCreationException("Could not create FastCGI socket " + config.url() + ": "
                    + e.getMessage());
        }
        byGroup.put(group, socket);
    }

    Optional<SharedSocket> of(String group) {
        return Optional.ofNullable(byGroup.get(group));
    }

    void remove(String group) {
        byGroup.remove(group);
    }
}
