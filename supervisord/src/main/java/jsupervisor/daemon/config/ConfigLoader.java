package jsupervisor.daemon.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jsupervisor.common.ini.IniDocument;
import jsupervisor.common.ini.IniParser;
import jsupervisor.common.ini.IniSyntaxException;
import jsupervisor.common.ini.Utf8DecodeError;
import jsupervisor.daemon.cli.DaemonOptions;

/**
 * Loads a supervisord configuration: the main file, its {@code [include]} files, every section, and the
 * command-line overrides, in the order Supervisor does it ({@code ServerOptions.read_config} then
 * {@code realize}), so the same broken file fails with the same first message. Holds no state between loads
 * (a reread passes what it must remember);
 * the OS is reached only through the injected {@link OsDatatypes}, environment and host name.
 */
public final class ConfigLoader {
    private final OsDatatypes os;
    private final Map<String, String> processEnvironment;
    private final String hostNodeName;
    private final String tempDir;

    /**
     * @param processEnvironment supervisord's own environment (the {@code ENV_*} names)
     * @param hostNodeName       {@code uname -n}, for {@code %(host_node_name)s}
     * @param tempDir            the default {@code childlogdir} (Python's {@code tempfile.gettempdir()})
     */
    public ConfigLoader(OsDatatypes os, Map<String, String> processEnvironment, String hostNodeName, String tempDir) {
        this.os = os;
        this.processEnvironment = Map.copyOf(processEnvironment);
        this.hostNodeName = hostNodeName;
        this.tempDir = tempDir;
    }

    /** Loads {@code configFile} (named as the user gave it) with the command line's overrides. */
    public Configuration load(String configFile, DaemonOptions cli) throws ConfigException {
        return load(configFile, cli, Map.of());
    }

    /**
     * A reread's load: {@code remembered} holds every {@code [supervisord] environment=} entry the daemon has read
     * since it started or reloaded. Supervisor adds those to its {@code ENV_*} expansions and never takes them
     * out until a reload, so a value may still use a name the file no longer defines.
     */
    public Configuration load(String configFile, DaemonOptions cli, Map<String, String> remembered)
            throws ConfigException {
        String here = Path.of(os.absolute(configFile)).getParent().toString();
        IniDocument doc = parseMain(configFile);
        List<String> warnings = new ArrayList<>();
        List<String> infos = new ArrayList<>();
        Map<String, Object> environ = new HashMap<>();
        processEnvironment.forEach((k, v) -> environ.put("ENV_" + k, v));
        remembered.forEach((k, v) -> environ.put("ENV_" + k, v));
        OptionSource src = new OptionSource(doc, configFile, environ);

        if (doc.hasSection("include")) {
            new IncludeReader(src, os, hostNodeName, here, warnings, infos).read(configFile);
        }
        if (!doc.hasSection(SupervisordSectionReader.SECTION)) {
            throw new ConfigException(".ini file does not include supervisord section");
        }
        SupervisordSectionReader.Values sv =
                new SupervisordSectionReader(src, os, here, hostNodeName, tempDir).read();
        List<RpcInterfaceConfig> rpc = new RpcInterfaceReader(src).read();
        ProgramSectionReader programs = new ProgramSectionReader(src, os, hostNodeName, here, warnings::add);
        List<GroupConfig> groups = withSupervisordEnvironment(
                new GroupsReader(src, os, programs, here).read(), sv.environment());
        List<HttpServerConfig> servers = new ServerSectionsReader(src, os, here).read();
        SupervisordConfig effective = effective(sv, cli, src);
        return new Configuration(configFile, here, effective, servers, rpc, groups, serverUrl(servers),
                warnings, infos);
    }

    private IniDocument parseMain(String configFile) throws ConfigException {
        Path path = Path.of(os.absolute(configFile));
        if (!Files.exists(path)) {
            throw new ConfigException("could not find config file " + configFile);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ConfigException("could not read config file " + configFile);
        }
        String text = Utf8DecodeError.decodeOrNull(bytes);
        if (text == null) {
            throw new ConfigException(Utf8DecodeError.of(bytes), new ConfigException.Where(configFile, 0, null, null));
        }
        IniDocument doc = new IniDocument();
        try {
            IniParser.read(text, configFile, doc);
        } catch (IniSyntaxException e) {
            throw new ConfigException(e.getMessage());
        }
        return doc;
    }

    /** Each process gets {@code [supervisord] environment} under its own (its own keys win). */
    private static List<GroupConfig> withSupervisordEnvironment(List<GroupConfig> groups, Map<String, String> env) {
        if (env.isEmpty()) {
            return groups;
        }
        List<GroupConfig> out = new ArrayList<>();
        for (GroupConfig g : groups) {
            List<ProcessConfig> ps = new ArrayList<>();
            for (ProcessConfig p : g.processes()) {
                Map<String, String> merged = new LinkedHashMap<>(env);
                merged.putAll(p.environment());
                ps.add(new ProcessConfig(p.name(), p.command(), p.directory(), p.umask(), p.priority(),
                        p.autostart(), p.autorestart(), p.startsecs(), p.startretries(), p.uid(), p.user(),
                        p.stdout(), p.stderr(), p.stopsignal(), p.stopwaitsecs(), p.stopasgroup(), p.killasgroup(),
                        p.exitcodes(), p.redirectStderr(), merged, p.serverurl()));
            }
            out.add(new GroupConfig(g.kind(), g.name(), g.priority(), ps, g.listenerPool(), g.fcgiSocket()));
        }
        return out;
    }

    /** Command line over config file, then Supervisor's {@code realize} checks and path normalisation. */
    private SupervisordConfig effective(SupervisordSectionReader.Values v, DaemonOptions cli, OptionSource src)
            throws ConfigException {
        String user = cli.user() != null ? cli.user() : v.user();
        Integer uid = null;
        if (user != null) {
            try {
                uid = os.nameToUid(user);
            } catch (InvalidValueException e) {
                // a -u value has no place in the file; one from [supervisord] user= does
                throw cli.user() != null ? new ConfigException(e.getMessage())
                        : src.error(SupervisordSectionReader.SECTION, "user", e.getMessage());
            }
        }
        // realize() takes these two from the command line only when truthy: -l '' and -j '' mean the file's value
        String logfile = nonEmpty(cli.logfile()) ? cli.logfile() : v.logfile();
        if (!logfile.equals("syslog")) {
            logfile = os.normalizePath(logfile);
        }
        String pidfile = os.normalizePath(nonEmpty(cli.pidfile()) ? cli.pidfile() : v.pidfile());
        return new SupervisordConfig(logfile,
                pick(cli.logfileMaxbytes(), v.logfileMaxbytes()),
                pick(cli.logfileBackups(), v.logfileBackups()),
                pick(cli.loglevel(), v.loglevel()),
                pidfile,
                pick(cli.umask(), v.umask()),
                pick(cli.nodaemon(), v.nodaemon()),
                pick(cli.silent(), v.silent()),
                pick(cli.minfds(), v.minfds()),
                pick(cli.minprocs(), v.minprocs()),
                pick(cli.nocleanup(), v.nocleanup()),
                pick(cli.childlogdir(), v.childlogdir()),
                user, uid,
                pick(cli.directory(), v.directory()),
                pick(cli.stripAnsi(), v.stripAnsi()),
                v.environment(),
                pick(cli.identifier(), v.identifier()));
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    private static <T> T pick(T fromCli, T fromFile) {
        return fromCli != null ? fromCli : fromFile;
    }

    /** Supervisor's fallback server URL: the first unix socket, else the first TCP server. */
    private static String serverUrl(List<HttpServerConfig> servers) {
        for (HttpServerConfig s : servers) {
            if (s instanceof HttpServerConfig.Unix u) {
                return "unix://" + u.file();
            }
        }
        String url = null;
        for (HttpServerConfig s : servers) {
            if (s instanceof HttpServerConfig.Inet i) {
                url = "http://" + (i.host().isEmpty() ? "localhost" : i.host()) + ":" + i.port();
            }
        }
        return url;
    }
}
