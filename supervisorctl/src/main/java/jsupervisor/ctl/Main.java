package jsupervisor.ctl;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jsupervisor.ctl.commands.ConfigCommands;
import jsupervisor.ctl.commands.DaemonCommands;
import jsupervisor.ctl.commands.FgCommand;
import jsupervisor.ctl.commands.HelpCommand;
import jsupervisor.ctl.commands.LogCommands;
import jsupervisor.ctl.commands.LogFollower;
import jsupervisor.ctl.commands.ProcessCommands;
import jsupervisor.ctl.commands.StatusCommand;

/**
 * Entry point of supervisorctl: options, then one command (exit status = its status) or the interactive shell
 * (exit status 0), as {@code supervisorctl.main} does. Wires everything explicitly.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        String argv0 = System.getProperty("jsupervisor.argv0", "supervisorctl");
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), false, StandardCharsets.UTF_8);
        Outcome outcome = run(args, argv0, stdout, stderr);
        stdout.flush();
        stderr.flush();
        if (outcome.shell()) {
            System.exit(outcome.status());
        }
        // Every message was flushed as it was written, and a one-shot command registers no shutdown hook:
        // halt skips Runtime.exit's System.Logger lookup (JDK 17+), which costs a cold JVM several milliseconds.
        Runtime.getRuntime().halt(outcome.status());
    }

    /**
     * How a run ended: its exit status, and whether it was the interactive shell (whose terminal library may
     * rely on shutdown hooks).
     */
    record Outcome(int status, boolean shell) {}

    /** Runs supervisorctl with {@code args}, writing to the given streams; never exits the JVM. */
    static Outcome run(String[] args, String argv0, PrintStream stdout, PrintStream stderr) {
        SocketWarmUp.start();
        CtlOptions options;
        try {
            options = CtlOptions.parse(List.of(args), argv0, new LazyEnvironment(), System.getProperty("user.dir"));
        } catch (CtlOptions.HelpRequested e) {
            stdout.print(CtlOptions.helpText(argv0));
            return new Outcome(ExitStatus.SUCCESS, false);
        } catch (UnparsableConfig e) {
            stderr.print("Traceback (most recent call last):\n" + e.lastLine() + "\n");
            return new Outcome(ExitStatus.GENERIC, false);
        } catch (UsageError e) {
            stderr.print("Error: " + e.getMessage() + "\nFor help, use " + argv0 + " -h\n");
            return new Outcome(ExitStatus.USAGE, false);
        }
        Output out = new Output(stdout, stderr);
        Interrupts interrupts = new Interrupts();
        Controller ctl = new Controller(options, out, new StdinInput(System.in, out), RpcClient::new);
        register(ctl, interrupts);
        interrupts.install();
        if (!options.args().isEmpty()) {
            ctl.onecmd(String.join(" ", options.args()));
            return new Outcome(ctl.exitStatus(), false);
        }
        new Shell(ctl, options, interrupts).run();
        return new Outcome(ExitStatus.SUCCESS, true);
    }

    /** The default plugin's commands, plus {@code help} and {@code EOF}. */
    public static void register(Controller ctl, Interrupts interrupts) {
        StatusCommand status = new StatusCommand(ctl);
        ctl.register(new HelpCommand(ctl).commands());
        ctl.register(status.commands());
        ctl.register(new ProcessCommands(ctl).commands());
        ctl.register(new LogCommands(ctl, new LogFollower(interrupts)).commands());
        ctl.register(new ConfigCommands(ctl).commands());
        ctl.register(new DaemonCommands(ctl, status).commands());
        ctl.register(new FgCommand(ctl, interrupts).commands());
    }
}
