package jsupervisor.ctl;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * {@link System#getenv()}, fetched on first use: the JDK builds that map in a few milliseconds of a cold JVM,
 * and supervisorctl needs it only for a config value with a {@code %(ENV_X)s} or a {@code ~} path. Read-only;
 * used from the main thread.
 */
final class LazyEnvironment extends AbstractMap<String, String> {
    private Map<String, String> env;

    private Map<String, String> env() {
        if (env == null) {
            env = System.getenv();
        }
        return env;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return env().entrySet();
    }

    @Override
    public String get(Object key) {
        return env().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return env().containsKey(key);
    }
}
