package jsupervisor.common.ini;

import java.util.regex.Pattern;

/**
 * The syntax check Supervisor's {@code import_spec} makes before it imports a plugin factory
 * ({@code supervisor.rpcinterface_factory}, {@code supervisor.ctl_factory}, {@code result_handler}): it parses
 * {@code "x=" + spec} as a setuptools entry point, and a spec that is not {@code module[:attr] [extras]} fails
 * with a ValueError of two arguments, printed as their tuple. A well-formed spec then fails or succeeds at the
 * import, which the JVM cannot do, so that part is each caller's. Stateless.
 */
public final class EntryPointSpec {
    private EntryPointSpec() {
    }

    /** pkg_resources' {@code EntryPoint.pattern}; {@code \w} and {@code \s} are Unicode-wide in Python 3. */
    private static final class Syntax {
        static final Pattern PATTERN = Pattern.compile(
                "\\s*(?<name>.+?)\\s*=\\s*(?<module>[\\w.]+)\\s*(:\\s*(?<attr>[\\w.]+))?\\s*(?<extras>\\[.*\\])?\\s*$",
                Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES);
    }

    /**
     * The message Supervisor shows for a spec that is not an entry point, for example
     * {@code ("EntryPoint must be in 'name=module:attrs [extras]' format", 'x=a b c')}, or null when the spec is
     * well formed.
     */
    public static String syntaxError(String spec) {
        String src = "x=" + spec;
        if (Syntax.PATTERN.matcher(src).lookingAt()) {
            return null;
        }
        return "(" + PythonRepr.of("EntryPoint must be in 'name=module:attrs [extras]' format") + ", "
                + PythonRepr.of(src) + ")";
    }

    /**
     * What Supervisor says of a factory the JVM cannot import, named in {@code [section]}: the syntax error when
     * the spec is malformed, otherwise {@code <spec> cannot be resolved within [section]}.
     */
    public static String unresolvable(String spec, String section) {
        String malformed = syntaxError(spec);
        return malformed != null ? malformed : spec + " cannot be resolved within [" + section + "]";
    }
}
