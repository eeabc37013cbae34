package jsupervisor.it.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jsupervisor.it.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** tail, maintail (incl. -f until Ctrl-C) and fg's error paths, ours against the reference. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CtlLogsIT {
    private Twin twin;

    @BeforeAll
    void startDaemons() throws Exception {
        twin = Twin.start("main.conf", Map.of());
    }

    @AfterAll
    void stopDaemons() throws Exception {
        if (twin != null) {
            twin.close();
        }
    }

    @Test
    void tailInAllForms() throws Exception {
        twin.same("-c", "${CONF}", "tail", "sleeper");
        twin.same("-c", "${CONF}", "tail", "sleeper", "stderr");
        twin.same("-c", "${CONF}", "tail", "sleeper", "STDOUT");
        twin.same("-c", "${CONF}", "tail", "-4", "sleeper");
        twin.same("-c", "${CONF}", "tail", "-4", "sleeper", "stderr");
        twin.same("-c", "${CONF}", "tail", "quiet");
        twin.same("-c", "${CONF}", "tail", "grp:ga");
    }

    @Test
    void tailErrors() throws Exception {
        twin.same("-c", "${CONF}", "tail");
        twin.same("-c", "${CONF}", "tail", "a", "b", "c", "d");
        twin.same("-c", "${CONF}", "tail", "sleeper", "stdmiddle");
        twin.same("-c", "${CONF}", "tail", "-x", "sleeper");
        twin.same("-c", "${CONF}", "tail", "-10");
        twin.same("-c", "${CONF}", "tail", "nosuch");
        twin.same("-c", "${CONF}", "tail", "nolog");
        twin.same("-c", "${CONF}", "tail", "-f", "nosuch");
        twin.same("-c", "${CONF}", "tail", "-f", "nolog", "stderr");
    }

    @Test
    void maintailErrorsAndLastLine() throws Exception {
        twin.same("-c", "${CONF}", "maintail", "-1", "-2");
        twin.same("-c", "${CONF}", "maintail", "10");
        twin.same("-c", "${CONF}", "maintail", "-x");
        Client.Result r = twin.same("-c", "${CONF}", "maintail", "-0");
        assertThat(r.stdout()).contains("supervisord started with pid <PID>");
    }

    @Test
    void fgErrors() throws Exception {
        twin.same("-c", "${CONF}", "fg");
        twin.same("-c", "${CONF}", "fg", "a", "b");
        twin.same("-c", "${CONF}", "fg", "nosuch");
        twin.same("-c", "${CONF}", "fg", "idle");
    }

    /**
     * Ours only: the reference's fg does not end on EOF until its log threads time out (up to 30 s), so the
     * foreground session is checked against what the process received instead.
     */
    @Test
    void fgSendsInputLinesToTheProcess() throws Exception {
        // our client's session only: the reference client waits 30 s after EOF (see above)
        org.junit.jupiter.api.Assumptions.assumeFalse(Twin.comparingDaemons(), "needs our client on one side");
        Twin.Side side = twin.ours;
        Client.Result r = side.client().run(side.cwd(), "hello\n",
                List.of("-c", side.daemon().conf.toString(), "fg", "echoer"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).startsWith("==> Press Ctrl-C to exit <==\n").endsWith("Exiting foreground\n");
        Await.until("echoer logs the line", Duration.ofSeconds(10),
                () -> read(side.daemon().dir.resolve("echoer.out")).contains("got hello\n"));
    }

    @Test
    void tailFollowStreamsUntilCtrlC() throws Exception {
        Client.Result ref = follow(twin.reference, List.of("tail", "-f", "sleeper"), "hello out\n");
        Client.Result our = follow(twin.ours, List.of("tail", "-f", "sleeper"), "hello out\n");
        assertThat(our).isEqualTo(ref);
        assertThat(ref.stdout()).isEqualTo("==> Press Ctrl-C to exit <==\nhello out\n\n");
    }

    @Test
    void tailFollowStderrAndMaintailFollow() throws Exception {
        assertThat(follow(twin.ours, List.of("tail", "-f", "sleeper", "stderr"), "hello err\n"))
                .isEqualTo(follow(twin.reference, List.of("tail", "-f", "sleeper", "stderr"), "hello err\n"));
        Client.Result ours = follow(twin.ours, List.of("maintail", "-f"), " INFO ");
        Client.Result ref = follow(twin.reference, List.of("maintail", "-f"), " INFO ");
        assertThat(ours.exitCode()).isEqualTo(ref.exitCode()).isZero();
        assertThat(ours.stdout()).startsWith("==> Press Ctrl-C to exit <==\n").endsWith("\n\n");
    }

    /** Runs a following command until {@code expected} has been printed, then sends SIGINT. */
    private static Client.Result follow(Twin.Side side, List<String> args, String expected) throws Exception {
        Path out = Files.createTempFile(side.cwd(), "follow", ".out");
        Path err = Files.createTempFile(side.cwd(), "follow", ".err");
        List<String> full = new java.util.ArrayList<>(List.of("-c", side.daemon().conf.toString()));
        full.addAll(args);
        Process p = side.client().start(side.cwd(), full, null, out, err);
        try {
            Await.until(side.client() + " prints " + expected.strip(), Duration.ofSeconds(20),
                    () -> read(out).contains(expected));
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor(5, TimeUnit.SECONDS);
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("%s ends after Ctrl-C", side.client()).isTrue();
            return new Client.Result(p.exitValue(), Masks.apply(read(out), side), Masks.apply(read(err), side));
        } finally {
            p.destroyForcibly();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
