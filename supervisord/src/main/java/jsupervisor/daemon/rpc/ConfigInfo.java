package jsupervisor.daemon.rpc;

import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.daemon.config.ChannelConfig;
import jsupervisor.daemon.config.GroupConfig;
import jsupervisor.daemon.config.LogTarget;
import jsupervisor.daemon.config.ProcessConfig;

/**
 * One {@code getAllConfigInfo} struct, members in the order {@code rpcinterface.py} builds its dict (recorded
 * from the real daemon: autostart, directory, uid, command, ...). None becomes {@code 'none'} and an AUTO log
 * not yet resolved (a group never added since the last reread) {@code 'auto'}. Stateless.
 */
final class ConfigInfo {
    private ConfigInfo() {}

    static XmlRpcValue.Struct struct(GroupConfig g, ProcessConfig p, boolean inuse) {
        XmlRpcValue.Struct.Builder b = XmlRpcValue.Struct.builder()
                .put("autostart", p.autostart())
                .put("directory", orNone(p.directory()))
                .put("uid", p.uid() == null ? XmlRpcValue.of("none") : XmlRpcValue.of(p.uid()))
                .put("command", p.command())
                .put("exitcodes", XmlRpcValue.array(p.exitcodes().stream().map(c -> XmlRpcValue.of(c)).toList()))
                .put("group", g.name())
                .put("group_prio", g.priority())
                .put("inuse", inuse)
                .put("killasgroup", p.killasgroup())
                .put("name", p.name())
                .put("process_prio", p.priority())
                .put("redirect_stderr", p.redirectStderr())
                .put("startretries", p.startretries())
                .put("startsecs", p.startsecs());
        channel(b, "stdout", p.stdout());
        b.put("stopsignal", p.stopsignal()).put("stopwaitsecs", p.stopwaitsecs());
        channel(b, "stderr", p.stderr());
        return b.put("serverurl", orNone(p.serverurl())).build();
    }

    /** The six {@code <channel>_*} members. */
    private static void channel(XmlRpcValue.Struct.Builder b, String ch, ChannelConfig c) {
        b.put(ch + "_capture_maxbytes", c.captureMaxbytes())
                .put(ch + "_events_enabled", c.eventsEnabled())
                .put(ch + "_logfile", logfile(c.logfile()))
                .put(ch + "_logfile_backups", c.logfileBackups())
                .put(ch + "_logfile_maxbytes", c.logfileMaxbytes())
                .put(ch + "_syslog", c.syslog());
    }

    private static String logfile(LogTarget t) {
        return switch (t.kind()) {
            case AUTO -> "auto";
            case FILE -> t.path();
            case NONE, SYSLOG -> "none";
        };
    }

    private static String orNone(String s) {
        return s == null ? "none" : s;
    }
}
