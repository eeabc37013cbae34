package jsupervisor.it.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * What our config reader parses from a config file, in the JSON schema of
 * {@code dump_reference.py} (see the top of that script): Map/List/String/Number/Boolean/null,
 * with exactly the reference's keys.
 *
 * <p>Must be read the way {@code supervisord -c <conf>} reads it, as if run in the config's
 * directory with the {@link CaseEnvironment} as its process environment (the reference dump is
 * run that way; {@code ENV_*} expansions depend on it).
 */
public final class OurConfigDump {
    private OurConfigDump() {}

    /** Dumps {@code conf} as read with {@link CaseEnvironment#forDirectory} of its directory. */
    public static Map<String, Object> dump(Path conf) {
        return dump(conf, CaseEnvironment.forDirectory(conf.getParent()));
    }

    /** Dumps {@code conf} as read with {@code environment} as the process environment. */
    public static Map<String, Object> dump(Path conf, Map<String, String> environment) {
        throw new UnsupportedOperationException("wired by the config reader");
    }
}
