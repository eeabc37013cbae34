package jsupervisor.ctl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import jsupervisor.common.ini.EntryPointSpec;
import jsupervisor.common.ini.IniDocument;
import jsupervisor.common.ini.IniParser;
import jsupervisor.common.ini.IniSyntaxException;
import jsupervisor.common.ini.IniValue;
import jsupervisor.common.ini.PercentFormat;
import jsupervisor.common.ini.Utf8DecodeError;

/**
 * The {@code [supervisorctl]} section of a config file, read as {@code ClientOptions.read_config} reads it
 * (REFERENCE §1.1, §1.3, §1.5): {@code serverurl} and {@code history_file} expand {@code here} and
 * {@code ENV_*}, the other keys only {@code ENV_*}; a {@code unix://} URL and the history path are made
 * absolute against the working directory. Immutable; null means "not set".
 */
record ClientConfig(String serverurl, String username, String password, String prompt, String historyFile) {
    static final ClientConfig EMPTY = new ClientConfig(null, null, null, null, null);
    private static final String SECTION = "supervisorctl";
    private static final String PLUGIN_PREFIX = "ctlplugin:";
    private static final String PLUGIN_FACTORY = "supervisor.ctl_factory";

    /** The first existing file of §1.1's search list, or null. */
    static String search(String argv0) {
        String here = PathText.dirname(PathText.dirname(argv0));
        String[] paths = {PathText.join(here, "etc/supervisord.conf"), PathText.join(here, "supervisord.conf"),
            "supervisord.conf", "etc/supervisord.conf", "/etc/supervisord.conf", "/etc/supervisor/supervisord.conf"};
        for (String p : paths) {
            if (Files.exists(Path.of(p))) {
                return p;
            }
        }
        return null;
    }

    static ClientConfig read(String configfile, Map<String, String> env, String cwd)
            throws UsageError, UnparsableConfig {
        String here = PathText.dirname(PathText.normalize(configfile, cwd, env));
        Path file = Path.of(configfile);
        if (!Files.exists(file)) {
            throw new UsageError("could not find config file " + configfile);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UsageError("could not read config file " + configfile);
        }
        String text = Utf8DecodeError.decodeOrNull(bytes);
        if (text == null) {
            throw new UsageError(Utf8DecodeError.of(bytes));
        }
        IniDocument doc = new IniDocument();
        try {
            IniParser.read(text, configfile, doc, ClientConfig::isRead); // the whole file is checked
        } catch (IniSyntaxException e) {
            String cls = e.getMessage().startsWith("File contains no section headers")
                    ? "configparser.MissingSectionHeaderError" : "configparser.ParsingError";
            throw new UnparsableConfig(cls, e.getMessage());
        }
        if (!doc.hasSection(SECTION)) {
            throw new UsageError(".ini file does not include supervisorctl section");
        }
        Expansions names = new Expansions(env, here);
        String serverurl = get(doc, "serverurl", CtlOptions.DEFAULT_SERVERURL, names, true);
        if (serverurl.startsWith("unix://")) {
            serverurl = "unix://" + PathText.normalize(serverurl.substring(7), cwd, env);
        }
        String prompt = get(doc, "prompt", "supervisor", names, false);
        String username = get(doc, "username", null, names, false);
        String password = get(doc, "password", null, names, false);
        String history = get(doc, "history_file", null, names, true);
        if (history != null && !history.isEmpty()) {
            history = PathText.normalize(history, cwd, env);
        } else {
            history = null;
        }
        checkPlugins(doc, names);
        return new ClientConfig(serverurl, username, password, prompt, history);
    }

    private static boolean isRead(String section) {
        return section.equals(SECTION) || section.startsWith(PLUGIN_PREFIX);
    }

    /**
     * {@code [ctlplugin:x]} sections. The errors Supervisor reports whatever Python has installed are reported the
     * same way: no factory, a factory that does not expand, one that is not an entry point. A well-formed factory
     * names Python code, which cannot run here: the section is passed over and the client works without the
     * plugin's commands (docs/compatibility.md), rather than refusing a config that works with Supervisor.
     */
    private static void checkPlugins(IniDocument doc, Expansions names) throws UsageError {
        for (String s : doc.sectionNames()) {
            if (!s.startsWith(PLUGIN_PREFIX)) {
                continue;
            }
            String spec = doc.get(s, PLUGIN_FACTORY).map(IniValue::text).orElse(null);
            if (spec == null) {
                throw new UsageError("section [" + s + "] does not specify a " + PLUGIN_FACTORY);
            }
            if (spec.indexOf('%') >= 0) {
                try {
                    spec = PercentFormat.expand(spec, names.env(), s + "." + PLUGIN_FACTORY);
                } catch (PercentFormat.ExpansionException e) {
                    throw new UsageError(e.getMessage());
                }
            }
            String malformed = EntryPointSpec.syntaxError(spec);
            if (malformed != null) {
                throw new UsageError(malformed);
            }
        }
    }

    /**
     * {@code parser.getdefault(key, default, expansions)}: a default is expanded too, unless it is None. A value
     * without a {@code %} is its own expansion, so the names are built only for one that has one.
     */
    private static String get(IniDocument doc, String key, String dflt, Expansions names, boolean withHere)
            throws UsageError {
        String v = doc.get(SECTION, key).map(IniValue::text).orElse(dflt);
        if (v == null || v.indexOf('%') < 0) {
            return v;
        }
        try {
            return PercentFormat.expand(v, withHere ? names.withHere() : names.env(), SECTION + "." + key);
        } catch (PercentFormat.ExpansionException e) {
            throw new UsageError(e.getMessage());
        }
    }

    /** The names a value may use: {@code ENV_X} for each environment variable, and for some {@code here}. */
    private static final class Expansions {
        private final Map<String, String> environment;
        private final String here;
        private Map<String, String> env;
        private Map<String, String> withHere;

        Expansions(Map<String, String> environment, String here) {
            this.environment = environment;
            this.here = here;
        }

        Map<String, String> env() {
            if (env == null) {
                env = new HashMap<>();
                for (Map.Entry<String, String> e : environment.entrySet()) {
                    env.put("ENV_" + e.getKey(), e.getValue());
                }
            }
            return env;
        }

        Map<String, String> withHere() {
            if (withHere == null) {
                withHere = new HashMap<>(env());
                withHere.put("here", here);
            }
            return withHere;
        }
    }
}
