package jsupervisor.it.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fixed process environment in which both the reference and our daemon read a case.
 *
 * <p>It must be identical on both sides, and its variable <em>names</em> are part of the
 * expected output: an unknown {@code %(name)s} error lists every available {@code ENV_*} name.
 * record_reference_errors.py uses the same names. Why each one is here:
 * <ul>
 *   <li>{@code PATH}: for {@code /bin/sh} in our launcher;</li>
 *   <li>{@code LANG=C.UTF-8}: without it Python 3 coerces the C locale and adds
 *       {@code LC_CTYPE} to its own environment (PEP 538), i.e. an extra {@code ENV_LC_CTYPE};</li>
 *   <li>{@code PWD}: dash exports it to our JVM whether or not we pass it;</li>
 *   <li>{@code JSUP_TEST_VAR}: the variable the valid cases expand as {@code %(ENV_JSUP_TEST_VAR)s};</li>
 *   <li>{@code SUPERVISOR_JAVA}: tells our launcher which JDK to run (this test JVM's).</li>
 * </ul>
 * Immutable.
 */
public final class CaseEnvironment {
    public static final String TEST_VAR = "JSUP_TEST_VAR";
    public static final String TEST_VALUE = "jsup-test-value";

    private CaseEnvironment() {}

    /** The environment for a run whose working directory (and {@code PWD}) is {@code dir}. */
    public static Map<String, String> forDirectory(Path dir) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("PWD", dir.toString());
        env.put(TEST_VAR, TEST_VALUE);
        env.put("SUPERVISOR_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return Map.copyOf(env);
    }
}
