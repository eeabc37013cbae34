package jsupervisor.it.ctl;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Option parsing, the config-file section, unreachable servers (upcheck messages and exit statuses) and
 * HTTP authentication, ours against the reference.
 */
class CtlConnectionIT {

    @Test
    void optionErrorsAndHelp() throws Exception {
        try (Twin twin = Twin.withoutDaemon()) {
            twin.same("-h");
            twin.same("--help");
            twin.same("-?", "status");
            twin.same("-x");
            twin.same("--bogus");
            twin.same("--serv");
            twin.same("--s=x");
            twin.same("--interactive=1", "status");
            twin.same("-s");
            twin.same("-s", "foo", "status");
            twin.same("-s", "unix:///a", "-s", "unix:///b", "status");
            twin.same("-i", "-i", "status");
            twin.same("-c", "${DIR}/nonexistent.conf", "status");
            twin.same("-u", "a", "--username=b", "status");
        }
    }

    @Test
    void configFileSection() throws Exception {
        try (Twin twin = Twin.withoutDaemon()) {
            for (Twin.Side side : new Twin.Side[] {twin.reference, twin.ours}) {
                Files.writeString(side.cwd().resolve("nosection.conf"), "[supervisord]\nlogfile=x\n");
                Files.writeString(side.cwd().resolve("badexp.conf"), "[supervisorctl]\nprompt=%(here)s\n");
                Files.writeString(side.cwd().resolve("relative.conf"),
                        "[supervisorctl]\nserverurl=unix://sub/../none.sock\n");
                Files.writeString(side.cwd().resolve("here.conf"),
                        "[supervisorctl]\nserverurl=unix://%(here)s/x.sock\nusername=%(ENV_HOME)s\n");
                String plugin = "[supervisorctl]\nserverurl=unix://%(here)s/x.sock\n[ctlplugin:p]\n";
                Files.writeString(side.cwd().resolve("nofactory.conf"), plugin + "other=1\n");
                Files.writeString(side.cwd().resolve("malformed.conf"), plugin + "supervisor.ctl_factory=a b\n");
                Files.writeString(side.cwd().resolve("emptyfactory.conf"), plugin + "supervisor.ctl_factory=\n");
                Files.write(side.cwd().resolve("latin1.conf"),
                        "[supervisorctl]\nprompt=caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                Files.writeString(side.cwd().resolve("nohost.conf"), "[supervisorctl]\nserverurl=http://:9001\n");
                Files.writeString(side.cwd().resolve("factoryexp.conf"),
                        plugin + "supervisor.ctl_factory=%(here)s:make\n");
            }
            twin.same("-c", "nosection.conf", "status");
            twin.same("-c", "badexp.conf", "status");
            twin.same("-c", "relative.conf", "status");
            twin.same("-c", "here.conf", "pid");
            twin.same("-c", "here.conf", "-s", "unix:///other.sock", "status");
            twin.same("-c", "latin1.conf", "status");
            twin.same("-c", "nohost.conf", "status");
            twin.same("-s", "unix://${DIR}/none.sock", "open", "http://");
            // [ctlplugin:x] errors that Supervisor reports whatever Python has installed
            twin.same("-c", "nofactory.conf", "status");
            twin.same("-c", "malformed.conf", "status");
            twin.same("-c", "emptyfactory.conf", "status");
            twin.same("-c", "factoryexp.conf", "status");
        }
    }

    @Test
    void unreachableServers() throws Exception {
        try (Twin twin = Twin.withoutDaemon()) {
            for (String url : new String[] {"unix://${DIR}/none.sock", "http://127.0.0.1:1"}) {
                for (String cmd : new String[] {"status", "start x", "stop x", "restart x", "signal HUP x", "pid",
                    "clear x", "tail x", "maintail", "version", "fg x", "avail", "reread", "update", "add x",
                    "remove x", "shutdown", "reload", "open " + url}) {
                    twin.same("-s", url, cmd);
                }
            }
            twin.same("-s", "ftp://example/", "status");
            twin.same("-s", "ftp://example/", "avail");
            twin.same("-s", "http://no-such-host.invalid:9001", "status");
            twin.same("-s", "unix://${DIR}/none.sock", "open", "ftp://x");
            twin.same("-s", "unix://${DIR}/none.sock", "help");
        }
    }

    @Test
    void authentication() throws Exception {
        try (Twin twin = Twin.start("auth.conf", Map.of("USER", "alice", "PASS", "s3cret"))) {
            twin.same("-s", "${HTTP}", "status");
            twin.same("-s", "${URL}", "status");
            twin.same("-s", "${HTTP}", "-u", "alice", "status");
            twin.same("-s", "${HTTP}", "-u", "alice", "-p", "wrong", "status");
            twin.same("-s", "${HTTP}", "-u", "alice", "-p", "wrong", "avail");
            twin.same("-s", "${HTTP}", "-u", "alice", "-p", "wrong", "shutdown");
            twin.same("-s", "${HTTP}", "-u", "alice", "-p", "s3cret", "status");
            twin.same("-s", "${URL}", "-u", "alice", "-p", "s3cret", "version");
            twin.same("-c", "${CONF}", "status");
            // without credentials the shell asks for them: Username: on stdout, then getpass without a terminal
            // (its warnings and Password: on stderr), the password line from stdin, EOF as getpass's EOFError
            for (Twin.Side side : new Twin.Side[] {twin.reference, twin.ours}) {
                Files.writeString(side.cwd().resolve("nocreds.conf"), "[supervisorctl]\n");
            }
            twin.sameWithInput("alice\ns3cret\n", "-c", "nocreds.conf", "-s", "${HTTP}", "-i", "status");
            twin.sameWithInput("alice\nwrong\n", "-c", "nocreds.conf", "-s", "${HTTP}", "-i", "status");
            twin.sameWithInput("alice\n", "-c", "nocreds.conf", "-s", "${HTTP}", "-i", "status");
            twin.sameWithInput("status\nalice\nwrong\nbob\n", "-c", "nocreds.conf", "-s", "${HTTP}");
        }
    }
}
