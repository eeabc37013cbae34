package jsupervisor.daemon.process.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jsupervisor.daemon.config.AutoRestart;
import jsupervisor.daemon.config.ChannelConfig;
import jsupervisor.daemon.config.LogTarget;
import jsupervisor.daemon.config.ProcessConfig;

/** Builds {@link ProcessConfig}s with Supervisor's defaults; each setter returns this. Single-threaded. */
public final class ProcessConfigBuilder {
    private static final ChannelConfig DEFAULT_CHANNEL =
            new ChannelConfig(LogTarget.AUTO, 50 * 1024 * 1024, 10, 0, false, false);

    private String name;
    private String command = "/bin/cat";
    private String directory;
    private Integer umask;
    private int priority = 999;
    private boolean autostart = true;
    private AutoRestart autorestart = AutoRestart.UNEXPECTED;
    private int startsecs = 1;
    private int startretries = 3;
    private Integer uid;
    private String user;
    private ChannelConfig stdout = DEFAULT_CHANNEL;
    private ChannelConfig stderr = DEFAULT_CHANNEL;
    private int stopsignal = 15;
    private int stopwaitsecs = 10;
    private boolean stopasgroup;
    private boolean killasgroup;
    private List<Integer> exitcodes = List.of(0);
    private boolean redirectStderr;
    private Map<String, String> environment = new LinkedHashMap<>();
    private String serverurl;

    private ProcessConfigBuilder(String name) {
        this.name = name;
    }

    public static ProcessConfigBuilder program(String name) {
        return new ProcessConfigBuilder(name);
    }

    public ProcessConfigBuilder command(String v) { command = v; return this; }
    public ProcessConfigBuilder directory(String v) { directory = v; return this; }
    public ProcessConfigBuilder umask(Integer v) { umask = v; return this; }
    public ProcessConfigBuilder priority(int v) { priority = v; return this; }
    public ProcessConfigBuilder autostart(boolean v) { autostart = v; return this; }
    public ProcessConfigBuilder autorestart(AutoRestart v) { autorestart = v; return this; }
    public ProcessConfigBuilder startsecs(int v) { startsecs = v; return this; }
    public ProcessConfigBuilder startretries(int v) { startretries = v; return this; }
    public ProcessConfigBuilder user(String name, int id) { user = name; uid = id; return this; }
    public ProcessConfigBuilder stdout(ChannelConfig v) { stdout = v; return this; }
    public ProcessConfigBuilder stderr(ChannelConfig v) { stderr = v; return this; }
    public ProcessConfigBuilder stopsignal(int v) { stopsignal = v; return this; }
    public ProcessConfigBuilder stopwaitsecs(int v) { stopwaitsecs = v; return this; }
    public ProcessConfigBuilder stopasgroup(boolean v) { stopasgroup = v; return this; }
    public ProcessConfigBuilder killasgroup(boolean v) { killasgroup = v; return this; }
    public ProcessConfigBuilder exitcodes(Integer... v) { exitcodes = List.of(v); return this; }
    public ProcessConfigBuilder redirectStderr(boolean v) { redirectStderr = v; return this; }
    public ProcessConfigBuilder env(String key, String value) { environment.put(key, value); return this; }
    public ProcessConfigBuilder serverurl(String v) { serverurl = v; return this; }

    public ProcessConfig build() {
        return new ProcessConfig(name, command, directory, umask, priority, autostart, autorestart, startsecs,
                startretries, uid, user, stdout, stderr, stopsignal, stopwaitsecs, stopasgroup, killasgroup,
                exitcodes, redirectStderr, environment, serverurl);
    }
}
