package jsupervisor.it.ctl;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The interactive shell with piped input (prompt on stdout, the initial status, EOF, quit, exit status 0),
 * help in every form and open, ours against the reference.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CtlShellIT {
    private Twin twin;

    @BeforeAll
    void startDaemons() throws Exception {
        twin = Twin.start("shell.conf", Map.of());
    }

    @AfterAll
    void stopDaemons() throws Exception {
        if (twin != null) {
            twin.close();
        }
    }

    @Test
    void shellRunsStatusThenReadsUntilEof() throws Exception {
        twin.sameWithInput("", "-c", "${CONF}");
        twin.sameWithInput("status\n\nfrobnicate\n?\nversion\nstop sleeper\nstart sleeper\nstatus nosuch\n",
                "-c", "${CONF}");
        twin.sameWithInput("version\nquit\nstatus\n", "-c", "${CONF}");
        twin.sameWithInput("exit\n", "-c", "${CONF}", "-i");
        twin.sameWithInput("help\nhelp help\nhelp EOF\nhelp nosuch\nEOF\nversion\n", "-c", "${CONF}");
        twin.sameWithInput("shutdown\nn\nreload\nno\n", "-c", "${CONF}");
    }

    @Test
    void shellUsesConfiguredPromptAndSurvivesErrors() throws Exception {
        for (Twin.Side side : new Twin.Side[] {twin.reference, twin.ours}) {
            java.nio.file.Files.writeString(side.cwd().resolve("prompt.conf"),
                    "[supervisorctl]\nserverurl=" + side.daemon().unixUrl() + "\nprompt=%(ENV_LANG)s mysv\n");
        }
        twin.sameWithInput("status\nopen unix:///nonexistent.sock\nstatus\nopen ${URL}\nstatus\n",
                "-c", "${DIR}/prompt.conf");
    }

    @Test
    void helpForEveryCommand() throws Exception {
        twin.same("-c", "${CONF}", "help");
        for (String c : new String[] {"add", "avail", "clear", "exit", "fg", "maintail", "open", "pid", "quit",
            "reload", "remove", "reread", "restart", "shutdown", "signal", "start", "status", "stop", "tail",
            "update", "version", "help", "EOF", "nosuch", "status extra"}) {
            twin.same("-c", "${CONF}", "help", c);
        }
        twin.same("-c", "${CONF}", "?", "tail");
    }

    @Test
    void openSwitchesServer() throws Exception {
        twin.same("-c", "${CONF}", "open", "${HTTP}");
        twin.same("-c", "${CONF}", "open", "unix:///nonexistent.sock");
        twin.same("-c", "${CONF}", "open", "ftp://x");
        twin.same("-c", "${CONF}", "open");
    }
}
