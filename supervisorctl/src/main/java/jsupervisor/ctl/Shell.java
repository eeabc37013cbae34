package jsupervisor.ctl;

import java.io.EOFException;

/**
 * The interactive shell ({@code exec_cmdloop} + {@code cmd.Cmd.cmdloop}): runs {@code status} first, then reads
 * {@code <prompt>> } lines until {@code quit}, {@code exit} or EOF. Ctrl-C at any point outside a streaming
 * command prints an empty line and ends the session with status 0. On a terminal the line editor is JLine
 * (history, completion), loaded only here; otherwise lines are read plainly from stdin, prompt on stdout, as
 * Python's {@code input()} does. Main thread only.
 */
public final class Shell {
    private final Controller ctl;
    private final CtlOptions options;
    private final Interrupts interrupts;

    public Shell(Controller ctl, CtlOptions options, Interrupts interrupts) {
        this.ctl = ctl;
        this.options = options;
        this.interrupts = interrupts;
    }

    public void run() {
        interrupts.setFallback(() -> {
            ctl.output("");
            Runtime.getRuntime().halt(ExitStatus.SUCCESS);
        });
        String prompt = options.prompt() + "> ";
        LineInput input = ctl.input();
        if (System.console() != null && System.console().isTerminal()) {
            TerminalShell terminal = TerminalShell.open(ctl, options, interrupts);
            if (terminal != null) {
                input = terminal;
                ctl.setInput(terminal);
            }
        }
        try {
            if (ctl.onecmd("status")) {
                return;
            }
            while (true) {
                String line;
                try {
                    line = input.readLine(prompt);
                } catch (EOFException e) {
                    line = "EOF";
                } catch (ShellInterrupted e) {
                    ctl.output("");
                    return;
                }
                if (ctl.onecmd(line)) {
                    return;
                }
            }
        } finally {
            if (input instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // the terminal is going away anyway
                }
            }
        }
    }

    /** Ctrl-C at the prompt, as KeyboardInterrupt reaches {@code exec_cmdloop}. */
    public static final class ShellInterrupted extends RuntimeException {
        public ShellInterrupted() {
            super(null, null, false, false);
        }
    }
}
