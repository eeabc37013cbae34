package jsupervisor.daemon.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jsupervisor.common.ini.EntryPointSpec;

/**
 * Reads {@code [rpcinterface:x]} sections. Python plugins cannot run on the JVM, so the one factory accepted is
 * Supervisor's own main interface; any other is refused with Supervisor's wording for a factory it cannot
 * resolve, naming the section. Confined to one load.
 */
final class RpcInterfaceReader {
    static final String FACTORY_KEY = "supervisor.rpcinterface_factory";

    private final OptionSource src;

    RpcInterfaceReader(OptionSource src) {
        this.src = src;
    }

    List<RpcInterfaceConfig> read() throws ConfigException {
        List<RpcInterfaceConfig> result = new ArrayList<>();
        for (String s : src.document().sectionNames()) {
            if (!s.startsWith("rpcinterface:")) {
                continue;
            }
            String name = s.substring(s.indexOf(':') + 1);
            String factory = src.get(s, FACTORY_KEY, null, Map.of());
            if (factory == null) {
                throw src.sectionError(s, "section [" + s + "] does not specify a " + FACTORY_KEY);
            }
            if (!factory.equals(RpcInterfaceConfig.MAIN_FACTORY)) {
                throw src.error(s, FACTORY_KEY, EntryPointSpec.unresolvable(factory, s));
            }
            Map<String, String> extras = new LinkedHashMap<>();
            for (String key : src.document().keys(s)) {
                if (!key.equals(FACTORY_KEY)) {
                    extras.put(key, src.get(s, key, null, Map.of()));
                }
            }
            result.add(new RpcInterfaceConfig(name, factory, extras));
        }
        return result;
    }
}
