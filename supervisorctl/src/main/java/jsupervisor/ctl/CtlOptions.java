package jsupervisor.ctl;

import java.util.List;
import java.util.Map;

/**
 * supervisorctl's settings after the command line and the {@code [supervisorctl]} section are merged, as
 * {@code ClientOptions.realize} merges them (REFERENCE §9.1): command-line values win, then the file, then the
 * defaults. Immutable.
 *
 * @param serverurl where the server listens
 * @param username may be null
 * @param password may be null
 * @param prompt the shell prompt without its {@code "> "}
 * @param historyFile the readline history file from the config file, or null
 * @param interactive {@code -i} was given or there is no action
 * @param args the action words
 */
public record CtlOptions(String serverurl, String username, String password, String prompt, String historyFile,
        boolean interactive, List<String> args) {

    static final String DEFAULT_SERVERURL = "http://localhost:9001";
    private static final String SHORT = "hc:?is:u:p:r:";
    private static final List<String> LONG =
            List.of("help", "configuration=", "interactive", "serverurl=", "username=", "password=", "history_file=");

    /** {@code -h}: the caller prints {@link #helpText(String)} and exits 0. */
    public static final class HelpRequested extends Exception {
        HelpRequested() {
            super(null, null, false, false);
        }
    }

    /** The {@code -h} text for {@code argv0}. */
    public static String helpText(String argv0) {
        return Usage.DOC.replace("%s", argv0) + "\n";
    }

    /**
     * Parses the command line and reads the config file.
     *
     * @param argv0 the program name, for the config search (its grandparent directory)
     * @param env the environment, for {@code %(ENV_X)s}
     * @param cwd the working directory, for relative paths
     */
    public static CtlOptions parse(List<String> argv, String argv0, Map<String, String> env, String cwd)
            throws UsageError, HelpRequested, UnparsableConfig {
        Getopt.Parsed parsed = Getopt.parse(argv, SHORT, LONG);
        String configfile = null;
        String serverurl = null;
        String username = null;
        String password = null;
        String history = null;
        boolean interactive = false;
        for (Getopt.Opt o : parsed.opts()) {
            String v = o.value();
            switch (o.name()) {
                case "-h", "-?", "--help" -> throw new HelpRequested();
                case "-c", "--configuration" -> configfile = once(configfile, v, o);
                case "-i", "--interactive" -> {
                    if (interactive) {
                        throw conflicting(o);
                    }
                    interactive = true;
                }
                case "-s", "--serverurl" -> {
                    if (!jsupervisor.ctl.commands.UrlCheck.isUrl(v)) {
                        String r = jsupervisor.common.ini.PythonRepr.of(v);
                        throw new UsageError("invalid value for " + o.name() + " " + r + ": value " + r
                                + " is not a URL");
                    }
                    serverurl = once(serverurl, v, o);
                }
                case "-u", "--username" -> username = once(username, v, o);
                case "-p", "--password" -> password = once(password, v, o);
                // mirrors the reference: -r is stored under a name the shell never reads
                case "-r", "--history_file" -> history = once(history, v, o);
                default -> throw new IllegalStateException(o.name());
            }
        }
        if (configfile == null) {
            configfile = ClientConfig.search(argv0);
        }
        ClientConfig file = configfile == null ? ClientConfig.EMPTY : ClientConfig.read(configfile, env, cwd);
        return new CtlOptions(
                first(serverurl, file.serverurl(), DEFAULT_SERVERURL),
                first(username, file.username(), null),
                first(password, file.password(), null),
                first(null, file.prompt(), "supervisor"),
                file.historyFile(),
                interactive || parsed.args().isEmpty(),
                List.copyOf(parsed.args()));
    }

    private static String once(String current, String value, Getopt.Opt o) throws UsageError {
        if (current != null) {
            throw conflicting(o);
        }
        return value;
    }

    private static UsageError conflicting(Getopt.Opt o) {
        return new UsageError("conflicting command line option " + jsupervisor.common.ini.PythonRepr.of(o.name()));
    }

    private static String first(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }
}
