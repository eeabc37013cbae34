package jsupervisor.ctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CtlOptionsTest {
    @TempDir
    Path dir;

    private CtlOptions parse(String... args) throws Exception {
        return CtlOptions.parse(List.of(args), "/nonexistent/bin/supervisorctl", Map.of("HOME", "/home/u"),
                dir.toString());
    }

    @Test
    void commandLineValuesAndDefaults() throws Exception {
        CtlOptions o = parse("-s", "unix:///tmp/x.sock", "-u", "alice", "--password=pw", "status", "-x");
        assertThat(o.serverurl()).isEqualTo("unix:///tmp/x.sock");
        assertThat(o.username()).isEqualTo("alice");
        assertThat(o.password()).isEqualTo("pw");
        assertThat(o.prompt()).isEqualTo("supervisor");
        assertThat(o.args()).containsExactly("status", "-x");
        assertThat(o.interactive()).isFalse();
        assertThat(parse("-s", "http://h:1", "-i", "status").interactive()).isTrue();
        assertThat(parse("-s", "http://h:1").interactive()).isTrue();
    }

    @Test
    void getoptErrorsAreUsageErrors() {
        assertThatThrownBy(() -> parse("-x")).hasMessage("option -x not recognized");
        assertThatThrownBy(() -> parse("-s")).hasMessage("option -s requires argument");
        assertThatThrownBy(() -> parse("--serv")).hasMessage("option --serverurl requires argument");
        assertThatThrownBy(() -> parse("--interactive=1")).hasMessage("option --interactive must not have an argument");
        assertThatThrownBy(() -> parse("--bogus")).hasMessage("option --bogus not recognized");
        assertThatThrownBy(() -> parse("-s", "foo")).hasMessage("invalid value for -s 'foo': value 'foo' is not a URL");
        assertThatThrownBy(() -> parse("-u", "a", "-u", "b")).hasMessage("conflicting command line option '-u'");
        assertThatThrownBy(() -> parse("-h")).isInstanceOf(CtlOptions.HelpRequested.class);
    }

    @Test
    void configSectionExpandsHereAndEnvironment() throws Exception {
        Path conf = dir.resolve("c.conf");
        Files.writeString(conf, "[supervisorctl]\nserverurl=unix://%(here)s/../s.sock\nusername=%(ENV_HOME)s\n"
                + "prompt=mine\nhistory_file=~/h\n");
        CtlOptions o = parse("-c", conf.toString(), "status");
        assertThat(o.serverurl()).isEqualTo("unix://" + dir.getParent().resolve("s.sock"));
        assertThat(o.username()).isEqualTo("/home/u");
        assertThat(o.prompt()).isEqualTo("mine");
        assertThat(o.historyFile()).isEqualTo("/home/u/h");
        assertThat(parse("-c", conf.toString(), "-s", "http://x:1", "status").serverurl()).isEqualTo("http://x:1");
    }

    @Test
    void configErrors() throws Exception {
        Path conf = dir.resolve("c.conf");
        Files.writeString(conf, "[supervisord]\n");
        assertThatThrownBy(() -> parse("-c", conf.toString()))
                .hasMessage(".ini file does not include supervisorctl section");
        assertThatThrownBy(() -> parse("-c", "/nonexistent.conf"))
                .hasMessage("could not find config file /nonexistent.conf");
        Files.writeString(conf, "[supervisorctl]\nprompt=%(here)s\n");
        assertThatThrownBy(() -> parse("-c", conf.toString())).hasMessageStartingWith("Format string '%(here)s' for "
                + "'supervisorctl.prompt' contains names ('here') which cannot be expanded.");
        Files.writeString(conf, "[supervisorctl]\n[ctlplugin:p]\nx=1\n");
        assertThatThrownBy(() -> parse("-c", conf.toString()))
                .hasMessage("section [ctlplugin:p] does not specify a supervisor.ctl_factory");
        Files.writeString(conf, "[supervisorctl]\n[ctlplugin:p]\nsupervisor.ctl_factory = a b\n");
        assertThatThrownBy(() -> parse("-c", conf.toString()))
                .hasMessage("(\"EntryPoint must be in 'name=module:attrs [extras]' format\", 'x=a b')");
    }

    @Test
    void aWellFormedPluginFactoryIsPassedOver() throws Exception {
        Path conf = dir.resolve("c.conf");
        Files.writeString(conf, "[supervisorctl]\nprompt=p\n[ctlplugin:p]\nsupervisor.ctl_factory = m.n:make\n");
        assertThat(parse("-c", conf.toString()).prompt()).isEqualTo("p");
    }
}
