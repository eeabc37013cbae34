package jsupervisor.it.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jsupervisor.daemon.cli.DaemonOptions;
import jsupervisor.daemon.config.ChannelConfig;
import jsupervisor.daemon.config.ConfigLoader;
import jsupervisor.daemon.config.Configuration;
import jsupervisor.daemon.config.GroupConfig;
import jsupervisor.daemon.config.HostFacts;
import jsupervisor.daemon.config.HttpServerConfig;
import jsupervisor.daemon.config.LogTarget;
import jsupervisor.daemon.config.OsDatatypes;
import jsupervisor.daemon.config.PasswdFileAccounts;
import jsupervisor.daemon.config.ProcessConfig;
import jsupervisor.daemon.config.SupervisordConfig;

/**
 * Our configuration model rendered in the JSON schema of {@code dump_reference.py}, so the two can be compared
 * field by field. Numbers are Longs, as the test's JSON parser produces them.
 */
public final class OurConfigDump {
    private OurConfigDump() {}

    /** Loads {@code conf} with our loader, in this JVM, with the given environment. */
    public static Map<String, Object> dump(Path conf, Map<String, String> env) throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        HostFacts host = HostFacts.current(env, cwd);
        OsDatatypes os = new OsDatatypes(PasswdFileAccounts.system(), env, cwd, host.uid());
        Configuration c = new ConfigLoader(os, env, host.nodeName(), host.tempDir())
                .load(conf.toString(), DaemonOptions.none());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("supervisord", supervisord(c.supervisord()));
        List<Object> servers = new ArrayList<>();
        for (HttpServerConfig s : c.servers()) {
            servers.add(server(s));
        }
        out.put("servers", servers);
        List<Object> groups = new ArrayList<>();
        for (GroupConfig g : c.groups()) {
            groups.add(group(g));
        }
        out.put("groups", groups);
        return out;
    }

    /** The same, with this JVM's environment. */
    public static Map<String, Object> dump(Path conf) throws Exception {
        return dump(conf, System.getenv());
    }

    private static Map<String, Object> supervisord(SupervisordConfig s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("logfile", s.logfile());
        m.put("logfile_maxbytes", s.logfileMaxbytes());
        m.put("logfile_backups", (long) s.logfileBackups());
        m.put("loglevel", s.loglevel().configName());
        m.put("pidfile", s.pidfile());
        m.put("umask", (long) s.umask());
        m.put("nodaemon", s.nodaemon());
        m.put("silent", s.silent());
        m.put("minfds", s.minfds());
        m.put("minprocs", s.minprocs());
        m.put("nocleanup", s.nocleanup());
        m.put("childlogdir", s.childlogdir());
        m.put("user", s.user());
        m.put("directory", s.directory());
        m.put("strip_ansi", s.stripAnsi());
        m.put("environment", new LinkedHashMap<String, Object>(s.environment()));
        m.put("identifier", s.identifier());
        return m;
    }

    private static Map<String, Object> server(HttpServerConfig s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("section", s.section());
        switch (s) {
            case HttpServerConfig.Unix u -> {
                m.put("family", "unix");
                m.put("file", u.file());
                m.put("chmod", (long) u.chmod());
                m.put("chown", List.of((long) u.chownUid(), (long) u.chownGid()));
            }
            case HttpServerConfig.Inet i -> {
                m.put("family", "inet");
                m.put("host", i.host());
                m.put("port", (long) i.port());
            }
        }
        m.put("username", s.username());
        m.put("password", s.password());
        return m;
    }

    private static Map<String, Object> group(GroupConfig g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", g.name());
        m.put("priority", (long) g.priority());
        m.put("type", g.kind().sectionPrefix());
        if (g.listenerPool() != null) {
            m.put("buffer_size", (long) g.listenerPool().bufferSize());
            m.put("events", new ArrayList<Object>(g.listenerPool().events()));
            m.put("result_handler", g.listenerPool().resultHandler());
        }
        if (g.fcgiSocket() != null) {
            m.put("socket", g.fcgiSocket().url());
        }
        List<Object> processes = new ArrayList<>();
        for (ProcessConfig p : g.processes()) {
            processes.add(process(p));
        }
        m.put("processes", processes);
        return m;
    }

    private static Map<String, Object> process(ProcessConfig p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("command", p.command());
        m.put("directory", p.directory());
        m.put("umask", p.umask() == null ? null : (long) p.umask());
        m.put("priority", (long) p.priority());
        m.put("autostart", p.autostart());
        m.put("autorestart", p.autorestart().name().toLowerCase(java.util.Locale.ROOT));
        m.put("startsecs", (long) p.startsecs());
        m.put("startretries", (long) p.startretries());
        m.put("uid", p.uid() == null ? null : (long) p.uid());
        channel(m, "stdout", p.stdout());
        channel(m, "stderr", p.stderr());
        m.put("stopsignal", (long) p.stopsignal());
        m.put("stopwaitsecs", (long) p.stopwaitsecs());
        m.put("stopasgroup", p.stopasgroup());
        m.put("killasgroup", p.killasgroup());
        m.put("exitcodes", p.exitcodes().stream().map(Integer::longValue).map(Object.class::cast).toList());
        m.put("redirect_stderr", p.redirectStderr());
        m.put("environment", new LinkedHashMap<String, Object>(p.environment()));
        m.put("serverurl", p.serverurl());
        return m;
    }

    private static void channel(Map<String, Object> m, String k, ChannelConfig c) {
        LogTarget t = c.logfile();
        m.put(k + "_logfile", t.kind() == LogTarget.Kind.NONE ? null : t.kind() == LogTarget.Kind.AUTO ? "AUTO"
                : t.path());
        m.put(k + "_capture_maxbytes", c.captureMaxbytes());
        m.put(k + "_events_enabled", c.eventsEnabled());
        m.put(k + "_logfile_backups", (long) c.logfileBackups());
        m.put(k + "_logfile_maxbytes", c.logfileMaxbytes());
        m.put(k + "_syslog", c.syslog());
    }
}
