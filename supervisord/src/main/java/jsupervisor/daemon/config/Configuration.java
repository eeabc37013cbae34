package jsupervisor.daemon.config;

import java.util.List;

/**
 * A whole loaded configuration: the effective {@code [supervisord]} settings, the HTTP servers, the RPC
 * namespaces, the process groups in start order, and the messages Supervisor queues during parsing to log once
 * the logger exists. Immutable.
 *
 * @param configFile the main file as named on the command line or found by the search
 * @param here       the absolute directory of the main file
 * @param serverUrl  the URL children get in SUPERVISOR_SERVER_URL: the first unix server, else the first inet
 *                   one, else null
 */
public record Configuration(
        String configFile,
        String here,
        SupervisordConfig supervisord,
        List<HttpServerConfig> servers,
        List<RpcInterfaceConfig> rpcInterfaces,
        List<GroupConfig> groups,
        String serverUrl,
        List<String> parseWarnings,
        List<String> parseInfos) {

    public Configuration {
        servers = List.copyOf(servers);
        rpcInterfaces = List.copyOf(rpcInterfaces);
        groups = List.copyOf(groups);
        parseWarnings = List.copyOf(parseWarnings);
        parseInfos = List.copyOf(parseInfos);
    }
}
