package jsupervisor.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jsupervisor.daemon.cli.DaemonOptions;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Configuration load(String text) throws IOException, ConfigException {
        return load(text, DaemonOptions.none());
    }

    private Configuration load(String text, DaemonOptions cli) throws IOException, ConfigException {
        Path conf = dir.resolve("supervisord.conf");
        Files.writeString(conf, "[supervisord]\nlogfile=" + dir + "/s.log\npidfile=" + dir + "/s.pid\n" + text);
        Map<String, String> env = Map.of("HOME", "/root", "JSUP_VAR", "fromenv");
        OsDatatypes os = new OsDatatypes(new FixedAccounts(), env, dir, 0);
        return new ConfigLoader(os, env, "node1", "/tmp").load(conf.toString(), cli);
    }

    private ProcessConfig only(Configuration c) {
        assertThat(c.groups()).hasSize(1);
        assertThat(c.groups().get(0).processes()).hasSize(1);
        return c.groups().get(0).processes().get(0);
    }

    /** n [program:pN] sections; {@code body} may use {i}. */
    private static String programs(int n, java.util.function.IntFunction<String> body) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("[program:p").append(i).append("]\n").append(body.apply(i));
        }
        return b.toString();
    }

    @Test
    void manyProgramSectionsComeOutInOrderWithTheirWarningsInOrder() throws Exception {
        // every 100th section warns (AUTO log without rollover)
        Configuration c = load(programs(300, i -> "command=/bin/true\npriority=" + (i % 7)
                + (i % 100 == 0 ? "\nstdout_logfile_maxbytes=0\n" : "\n")));
        assertThat(c.groups()).hasSize(300);
        for (int i = 1; i < c.groups().size(); i++) {
            GroupConfig a = c.groups().get(i - 1);
            GroupConfig b = c.groups().get(i);
            assertThat(a.priority() < b.priority() || a.priority() == b.priority() && a.name().compareTo(b.name()) < 0)
                    .as("%s before %s", a.name(), b.name()).isTrue();
        }
        assertThat(c.parseWarnings()).containsExactly(
                "For [program:p0], AUTO logging used for stdout_logfile without rollover, set maxbytes > 0 to avoid "
                        + "filling up filesystem unintentionally",
                "For [program:p100], AUTO logging used for stdout_logfile without rollover, set maxbytes > 0 to avoid "
                        + "filling up filesystem unintentionally",
                "For [program:p200], AUTO logging used for stdout_logfile without rollover, set maxbytes > 0 to avoid "
                        + "filling up filesystem unintentionally");
    }

    @Test
    void amongManyProgramSectionsTheFirstBadOneInTheFileIsReported() {
        // Supervisor stops at the first bad section in the file, whatever is wrong further on
        String conf = programs(300, i -> i == 120 ? "command=/bin/true\nstartsecs=soon\n"
                : i == 250 ? "command=/bin/true\nstartretries=many\n" : "command=/bin/true\n");
        assertThatThrownBy(() -> load(conf)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'soon'").hasMessageContaining("in section 'program:p120'");
        String late = programs(300, i -> i == 160 ? "command=/bin/true\nstartsecs=soon\n"
                : i == 151 ? "command=/bin/true\nstartretries=many\n" : "command=/bin/true\n");
        assertThatThrownBy(() -> load(late)).isInstanceOf(ConfigException.class).hasMessageContaining("'many'")
                .hasMessageContaining("in section 'program:p151'");
    }

    @Test
    void programDefaultsAreSupervisors() throws Exception {
        ProcessConfig p = only(load("[program:x]\ncommand=/bin/true\n"));
        assertThat(p.name()).isEqualTo("x");
        assertThat(p.priority()).isEqualTo(999);
        assertThat(p.autostart()).isTrue();
        assertThat(p.autorestart()).isEqualTo(AutoRestart.UNEXPECTED);
        assertThat(p.startsecs()).isEqualTo(1);
        assertThat(p.startretries()).isEqualTo(3);
        assertThat(p.exitcodes()).containsExactly(0);
        assertThat(p.stopsignal()).isEqualTo(15);
        assertThat(p.stopwaitsecs()).isEqualTo(10);
        assertThat(p.stopasgroup()).isFalse();
        assertThat(p.killasgroup()).isFalse();
        assertThat(p.stdout().logfile()).isEqualTo(LogTarget.AUTO);
        assertThat(p.stdout().logfileMaxbytes()).isEqualTo(50L * 1024 * 1024);
        assertThat(p.stdout().logfileBackups()).isEqualTo(10);
        assertThat(p.umask()).isNull();
        assertThat(p.uid()).isNull();
        assertThat(p.serverurl()).isNull();
    }

    @Test
    void killasgroupDefaultsToStopasgroup() throws Exception {
        assertThat(only(load("[program:x]\ncommand=c\nstopasgroup=true\n")).killasgroup()).isTrue();
    }

    @Test
    void expansionNamesAreAvailableWhereSupervisorMakesThemAvailable() throws Exception {
        ProcessConfig p = only(load("[program:x]\nenvironment=FOO=bar,N=%(process_num)d\n"
                + "command=/bin/echo %(ENV_FOO)s %(program_name)s %(group_name)s %(host_node_name)s "
                + "%(process_num)d %(numprocs)d %(ENV_JSUP_VAR)s %(here)s 100%%\n"
                + "directory=%(ENV_FOO)s\n"));
        assertThat(p.command()).isEqualTo("/bin/echo bar x x node1 0 1 fromenv " + dir + " 100%");
        assertThat(p.directory()).isEqualTo("bar");
        assertThat(p.environment()).containsEntry("N", "0");
    }

    @Test
    void processNumIsNotAvailableBeforeThePerProcessLoop() {
        // the group-level read of priority comes first, with only `here`, and carries no section suffix
        assertThatThrownBy(() -> load("[program:x]\ncommand=c\npriority=%(process_num)d\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Format string '%(process_num)d' for 'program:x.priority' contains names "
                        + "('process_num') which cannot be expanded. Available names: ENV_HOME, ENV_JSUP_VAR, here");
        assertThatThrownBy(() -> load("[program:x]\ncommand=c\nstartsecs=%(process_num)d\n"))
                .hasMessage("Format string '%(process_num)d' for 'program:x.startsecs' contains names "
                        + "('process_num') which cannot be expanded. Available names: ENV_HOME, ENV_JSUP_VAR, "
                        + "group_name, here, host_node_name, program_name in section 'program:x' (file: '"
                        + dir.resolve("supervisord.conf") + "')");
    }

    @Test
    void eachProcessOfANumprocsProgramExpandsItsEnvironmentAgainstTheDaemonsNames() throws Exception {
        // Supervisor puts the environment's ENV_ names back into its shared dict before each process, so the
        // second process's environment= sees ENV_JSUP_VAR as the daemon has it, not as the first process set it
        List<ProcessConfig> ps = load("[program:x]\nnumprocs=3\nprocess_name=%(program_name)s_%(process_num)d\n"
                + "environment=JSUP_VAR=%(ENV_JSUP_VAR)s-%(process_num)d\ncommand=/bin/echo %(ENV_JSUP_VAR)s\n")
                .groups().getFirst().processes();
        assertThat(ps).extracting(ProcessConfig::command)
                .containsExactly("/bin/echo fromenv-0", "/bin/echo fromenv-1", "/bin/echo fromenv-2");
        assertThat(ps).extracting(p -> p.environment().get("JSUP_VAR"))
                .containsExactly("fromenv-0", "fromenv-1", "fromenv-2");
    }

    @Test
    void supervisordEnvironmentBecomesEnvExpansionsAndChildEnvironment() throws Exception {
        ProcessConfig p = only(load("environment=GLOBAL=g,SHARED=s\n[program:x]\ncommand=%(ENV_GLOBAL)s\n"
                + "environment=SHARED=mine\n"));
        assertThat(p.command()).isEqualTo("g");
        assertThat(p.environment()).containsExactly(Map.entry("GLOBAL", "g"), Map.entry("SHARED", "mine"));
    }

    @Test
    void supervisordEnvironmentIsExpandedTwice() throws Exception {
        Configuration c = load("environment=P=\"%%%%x\"\n");
        assertThat(c.supervisord().environment()).containsEntry("P", "%x");
        assertThatThrownBy(() -> load("environment=H=%(host_node_name)s\n"))
                .hasMessageContaining("for 'supervisord.environment' contains names ('host_node_name')");
    }

    @Test
    void logfilesAreExpandedTwice() throws Exception {
        ProcessConfig p = only(load("[program:x]\ncommand=c\nstdout_logfile=" + dir + "/a%%%%b.log\n"));
        assertThat(p.stdout().logfile()).isEqualTo(LogTarget.file(dir + "/a%b.log"));
    }

    @Test
    void numprocsNamesProcessesAndRequiresProcessNum() throws Exception {
        Configuration c = load("[program:w]\ncommand=c\nnumprocs=3\nnumprocs_start=2\n"
                + "process_name=%(program_name)s_%(process_num)02d\n");
        assertThat(c.groups().get(0).processes()).extracting(ProcessConfig::name)
                .containsExactly("w_02", "w_03", "w_04");
        assertThatThrownBy(() -> load("[program:w]\ncommand=c\nnumprocs=2\n"))
                .hasMessageStartingWith("%(process_num) must be present within process_name when numprocs > 1");
    }

    @Test
    void groupsAreOrderedByPriorityThenNameAndGroupSectionsClaimPrograms() throws Exception {
        Configuration c = load("[program:b]\ncommand=c\n[program:a]\ncommand=c\npriority=5\n"
                + "[program:m]\ncommand=c\n[group:g]\nprograms=m\npriority=1\n"
                + "[eventlistener:l]\ncommand=c\nevents=tick_5,PROCESS_STATE,TICK_5\n");
        assertThat(c.groups()).extracting(GroupConfig::name).containsExactly("l", "g", "a", "b");
        GroupConfig pool = c.groups().get(0);
        assertThat(pool.priority()).isEqualTo(-1);
        assertThat(pool.listenerPool().events()).containsExactly("TICK_5", "PROCESS_STATE");
        assertThat(pool.listenerPool().bufferSize()).isEqualTo(10);
        GroupConfig g = c.groups().get(1);
        assertThat(g.kind()).isEqualTo(GroupKind.GROUP);
        assertThat(g.processes()).extracting(ProcessConfig::name).containsExactly("m");
    }

    @Test
    void includeGlobsAreRelativeToTheMainFileAndHereIsTheIncludedFilesDirectory() throws Exception {
        Path conf = dir.resolve("conf.d");
        Files.createDirectories(conf);
        Files.writeString(conf.resolve("b.conf"), "[program:b]\ncommand=%(here)s/run\n");
        Files.writeString(conf.resolve("a.conf"), "[program:a]\ncommand=c\n");
        Configuration c = load("[include]\nfiles=conf.d/*.conf nomatch/*.ini\n");
        assertThat(c.parseInfos()).containsExactly(
                "Included extra file \"" + conf.resolve("a.conf") + "\" during parsing",
                "Included extra file \"" + conf.resolve("b.conf") + "\" during parsing");
        assertThat(c.parseWarnings()).containsExactly("No file matches via include \"" + dir + "/nomatch/*.ini\"");
        assertThat(c.groups().get(1).processes().get(0).command()).isEqualTo(conf + "/run");
    }

    @Test
    void errorsInIncludedFilesNameThatFile() throws Exception {
        Files.writeString(dir.resolve("extra.conf"), "[program:e]\ncommand=c\nstartsecs=soon\n");
        assertThatThrownBy(() -> load("[include]\nfiles=extra.conf\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid literal for int() with base 10: 'soon' in section 'program:e' (file: '"
                        + dir.resolve("extra.conf") + "')")
                .satisfies(e -> assertThat(((ConfigException) e).where().orElseThrow())
                        .isEqualTo(new ConfigException.Where(dir.resolve("extra.conf").toString(), 3, "program:e",
                                "startsecs")));
    }

    @Test
    void missingRequiredKeysPointAtTheSectionHeader() {
        assertThatThrownBy(() -> load("\n[program:x]\nautostart=true\n"))
                .hasMessageStartingWith("program section program:x does not specify a command")
                .satisfies(e -> assertThat(((ConfigException) e).where().orElseThrow().line()).isEqualTo(5));
    }

    @Test
    void serversAreInetFirstAndTheServerUrlPrefersUnix() throws Exception {
        Configuration c = load("[unix_http_server]\nfile=%(here)s/s.sock\n[inet_http_server]\nport=*:9001\n"
                + "username=u\npassword={SHA}abc\n");
        assertThat(c.servers()).hasSize(2);
        assertThat(c.servers().get(0)).isEqualTo(new HttpServerConfig.Inet("inet_http_server", "", 9001, "u",
                "{SHA}abc"));
        assertThat(c.servers().get(1)).isEqualTo(new HttpServerConfig.Unix("unix_http_server",
                dir + "/s.sock", 0700, -1, -1, null, null));
        assertThat(c.serverUrl()).isEqualTo("unix://" + dir + "/s.sock");
    }

    @Test
    void commandLineOverridesTheFile() throws Exception {
        DaemonOptions cli = new DaemonOptions(null, true, null, null, 077, null, null, null, 3,
                LoggingLevel.DEBUG, null, "ident", null, null, null, null, null, null);
        SupervisordConfig s = load("nodaemon=false\nloglevel=warn\n", cli).supervisord();
        assertThat(s.nodaemon()).isTrue();
        assertThat(s.umask()).isEqualTo(077);
        assertThat(s.logfileBackups()).isEqualTo(3);
        assertThat(s.loglevel()).isEqualTo(LoggingLevel.DEBUG);
        assertThat(s.identifier()).isEqualTo("ident");
    }

    /** realize() takes -l and -j only when truthy: an empty value means the file's. */
    @Test
    void emptyLogfileAndPidfileOnTheCommandLineMeanTheFilesValues() throws Exception {
        DaemonOptions cli = new DaemonOptions(null, true, null, null, null, null, "", null, null,
                null, "", null, null, null, null, null, null, null);
        SupervisordConfig s = load("", cli).supervisord();
        assertThat(s.logfile()).isEqualTo(dir + "/s.log");
        assertThat(s.pidfile()).isEqualTo(dir + "/s.pid");
    }

    @Test
    void rpcInterfacesOtherThanTheMainOneAreRefused() throws Exception {
        Configuration ok = load("[rpcinterface:supervisor]\n"
                + "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\nextra=1\n");
        assertThat(ok.rpcInterfaces()).containsExactly(new RpcInterfaceConfig("supervisor",
                RpcInterfaceConfig.MAIN_FACTORY, Map.of("extra", "1")));
        assertThatThrownBy(() -> load("[rpcinterface:x]\nsupervisor.rpcinterface_factory = my.mod:make\n"))
                .hasMessage("my.mod:make cannot be resolved within [rpcinterface:x]");
    }

    @Test
    void deprecatedSyslogLogfileBecomesSyslogFlagWithAWarning() throws Exception {
        Configuration c = load("[program:x]\ncommand=c\nstdout_logfile=SYSLOG\nredirect_stderr=true\n"
                + "stderr_logfile=" + dir + "/e.log\n");
        ProcessConfig p = only(c);
        assertThat(p.stdout().logfile()).isEqualTo(LogTarget.NONE);
        assertThat(p.stdout().syslog()).isTrue();
        assertThat(p.stderr().logfile()).isEqualTo(LogTarget.NONE);
        assertThat(c.parseWarnings()).containsExactly(
                "For [program:x], stdout_logfile=syslog but this is deprecated and will be removed.  Use "
                        + "stdout_syslog=true to enable syslog instead.",
                "For [program:x], redirect_stderr=true but stderr_logfile has also been set to a filename, the "
                        + "filename has been ignored");
    }

    @Test
    void heterogeneousGroupErrorsNameThePreviousMemberAsSupervisorDoes() {
        assertThatThrownBy(() -> load("[program:a]\ncommand=c\n[group:g]\nprograms=a,zzz\n"))
                .hasMessage("[program:a] names unknown program or fcgi-program zzz");
        assertThatThrownBy(() -> load("[group:g]\nprograms=zzz\n"))
                .hasMessage("[group:g] names unknown program or fcgi-program zzz");
    }

    @Test
    void userNamesResolveThroughTheAccounts() throws Exception {
        assertThat(only(load("[program:x]\ncommand=c\nuser=app\n")).uid()).isEqualTo(1000);
        assertThatThrownBy(() -> load("[program:x]\ncommand=c\nuser=ghost\n"))
                .hasMessageStartingWith("Invalid user name ghost in section 'program:x'");
        assertThatThrownBy(() -> load("user=4242\n")).hasMessage("Invalid user id 4242");
    }

    @Test
    void fcgiSocketsParseUnixAndTcp() throws Exception {
        Configuration c = load("[fcgi-program:f]\ncommand=c\nsocket=unix:///tmp/%(program_name)s.sock\n"
                + "[fcgi-program:t]\ncommand=c\nsocket=tcp://LOCALHOST:9002\n");
        assertThat(c.groups()).extracting(g -> g.fcgiSocket().url())
                .containsExactly("unix:///tmp/f.sock", "tcp://localhost:9002");
        assertThatThrownBy(() -> load("[fcgi-program:f]\ncommand=c\nsocket=unix://rel/path\n"))
                .hasMessage("('Unix socket path %s is not an absolute path', 'rel/path') in [fcgi-program:f] socket");
    }
}
