package jsupervisor.daemon.config;

import java.util.Map;

/**
 * An {@code [rpcinterface:x]} section: the XML-RPC namespace {@code name}, served by the factory the section
 * names (only Supervisor's own main interface exists on the JVM), and the extra keys passed to it.
 */
public record RpcInterfaceConfig(String name, String factory, Map<String, String> extras) {
    /** The factory spec of Supervisor's standard interface, which jsupervisor implements. */
    public static final String MAIN_FACTORY = "supervisor.rpcinterface:make_main_rpcinterface";

    public RpcInterfaceConfig {
        extras = Map.copyOf(extras);
    }
}
