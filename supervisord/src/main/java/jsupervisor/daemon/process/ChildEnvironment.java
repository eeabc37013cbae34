package jsupervisor.daemon.process;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jsupervisor.daemon.config.ProcessConfig;

/**
 * Builds a child's environment in Supervisor's order, later entries overriding earlier ones
 * ({@code supervisor/process.py _spawn_as_child}): supervisord's own environment, {@code SUPERVISOR_ENABLED},
 * {@code SUPERVISOR_SERVER_URL} (if there is a URL), {@code SUPERVISOR_PROCESS_NAME},
 * {@code SUPERVISOR_GROUP_NAME}, then the program's merged {@code environment=}, which may override any of
 * them. An overridden key keeps its first position, as a Python dict update does. Immutable.
 */
public final class ChildEnvironment {
    private final Map<String, String> supervisordEnvironment;
    private final String serverUrl;

    /**
     * @param supervisordEnvironment supervisord's environment at start-up ({@code os.environ})
     * @param serverUrl              supervisord's computed URL for {@code SUPERVISOR_SERVER_URL}, or null if it
     *                               serves none
     */
    public ChildEnvironment(Map<String, String> supervisordEnvironment, String serverUrl) {
        this.supervisordEnvironment = Collections.unmodifiableMap(new LinkedHashMap<>(supervisordEnvironment));
        this.serverUrl = serverUrl;
    }

    /** The environment for one spawn of {@code config} in group {@code groupName}. */
    public Map<String, String> build(ProcessConfig config, String groupName) {
        Map<String, String> env = new LinkedHashMap<>(supervisordEnvironment);
        env.put("SUPERVISOR_ENABLED", "1");
        String url = config.serverurl() != null ? config.serverurl() : serverUrl;
        if (url != null && !url.isEmpty()) {
            env.put("SUPERVISOR_SERVER_URL", url);
        }
        env.put("SUPERVISOR_PROCESS_NAME", config.name());
        env.put("SUPERVISOR_GROUP_NAME", groupName);
        env.putAll(config.environment());
        return env;
    }
}
