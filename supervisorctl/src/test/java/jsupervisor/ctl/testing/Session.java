package jsupervisor.ctl.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jsupervisor.ctl.Controller;
import jsupervisor.ctl.CtlOptions;
import jsupervisor.ctl.Interrupts;
import jsupervisor.ctl.Main;
import jsupervisor.ctl.Output;
import jsupervisor.ctl.StdinInput;

/**
 * A controller wired as {@link Main} wires it, but over a {@link FakeRpc} and in-memory stdout, stderr and
 * stdin. Single-threaded.
 */
public final class Session {
    public final FakeRpc rpc = new FakeRpc();
    public final Controller ctl;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    public Session() {
        this(false, "");
    }

    public Session(boolean interactive, String stdin) {
        Output output = new Output(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        CtlOptions options = new CtlOptions("unix:///tmp/fake.sock", null, null, "supervisor", null, interactive,
                List.of("x"));
        ctl = new Controller(options, output,
                new StdinInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), output),
                (url, user, pass) -> rpc);
        Main.register(ctl, new Interrupts());
    }

    /** Runs one line and returns what it printed to stdout. */
    public String run(String line) {
        out.reset();
        ctl.onecmd(line);
        return out.toString(StandardCharsets.UTF_8);
    }

    public int exitStatus() {
        return ctl.exitStatus();
    }

    public String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
