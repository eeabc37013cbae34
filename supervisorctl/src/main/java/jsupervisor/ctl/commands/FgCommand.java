package jsupervisor.ctl.commands;

import java.io.EOFException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import jsupervisor.common.api.Fault;
import jsupervisor.common.api.ProcessInfo;
import jsupervisor.common.api.ProcessStateCode;
import jsupervisor.common.xmlrpc.XmlRpcFault;
import jsupervisor.ctl.CommandLine;
import jsupervisor.ctl.Controller;
import jsupervisor.ctl.CtlCommand;
import jsupervisor.ctl.ExitStatus;
import jsupervisor.ctl.Interrupts;
import jsupervisor.ctl.Supervisor;

/**
 * {@code fg <process>} (REFERENCE §9.4), mirroring {@code do_fg}: streams the process's stdout and stderr logs
 * on two named threads while the command thread sends each input line to the process's stdin, until the
 * process stops, input ends or the user presses Ctrl-C (anywhere after the banner: at the line editor, or
 * during an RPC, which the interrupt breaks off). Stateless apart from the controller.
 */
public final class FgCommand {
    static final String HELP = "fg <process>\tConnect to a process in foreground mode\n\t\tCtrl-C to exit";

    private final Controller ctl;
    private final Interrupts interrupts;

    public FgCommand(Controller ctl, Interrupts interrupts) {
        this.ctl = ctl;
        this.interrupts = interrupts;
    }

    public List<CtlCommand> commands() {
        return List.of(new CtlCommand("fg", this::fg, HELP));
    }

    private boolean fail(String message) {
        ctl.output(message);
        ctl.setExitStatus(ExitStatus.GENERIC);
        return false;
    }

    boolean fg(String arg) throws Exception {
        if (!ctl.upcheck()) {
            return false;
        }
        List<String> names = CommandLine.split(arg);
        if (names.isEmpty()) {
            fail("ERROR: no process name supplied");
            ctl.output(HELP);
            return false;
        }
        if (names.size() > 1) {
            return fail("ERROR: too many process names supplied");
        }
        String name = names.get(0);
        Supervisor supervisor = ctl.supervisor();
        ProcessInfo info;
        try {
            info = supervisor.getProcessInfo(name);
        } catch (XmlRpcFault e) {
            if (e.faultCode() == Fault.BAD_NAME.code()) {
                return fail("ERROR: bad process name supplied");
            }
            ctl.output("ERROR: " + e.faultCode() + ": " + e.faultString());
            return false;
        }
        if (info.state() != ProcessStateCode.RUNNING.code()) {
            return fail("ERROR: process not running");
        }
        ctl.output("==> Press Ctrl-C to exit <==");
        // From here on Ctrl-C ends fg and nothing else, wherever it lands, as the reference's
        // `except (KeyboardInterrupt, EOFError)` around the whole loop has it.
        Thread reader = Thread.currentThread();
        AtomicBoolean stop = new AtomicBoolean();
        interrupts.set(() -> {
            stop.set(true);
            reader.interrupt(); // wakes a blocked read or RPC
        });
        LogFollower.Stream out = null;
        LogFollower.Stream err = null;
        try {
            out = stream(name, "stdout");
            err = stream(name, "stderr");
            if (forward(supervisor, name, stop)) {
                return false;
            }
        } catch (EOFException | jsupervisor.ctl.Shell.ShellInterrupted e) {
            // EOF and Ctrl-C at the terminal's line editor end fg alike
        } catch (Exception e) {
            // an RPC broken by Ctrl-C (its channel closed by the interrupt) is the Ctrl-C, not an error
            if (!stop.get() && !Thread.currentThread().isInterrupted()) {
                throw e;
            }
        } finally {
            interrupts.clear();
            Thread.interrupted(); // no interrupt of this fg may reach the shell's next prompt
            close(out);
            close(err);
        }
        ctl.output("Exiting foreground");
        return false;
    }

    /**
     * Sends each input line to the process's stdin until input ends or Ctrl-C; true when it already printed why
     * it stopped (the process is gone).
     */
    private boolean forward(Supervisor supervisor, String name, AtomicBoolean stop) throws Exception {
        while (!stop.get()) {
            String line = ctl.input().readLine("");
            if (stop.get()) {
                return false;
            }
            try {
                supervisor.sendProcessStdin(name, line + "\n");
            } catch (XmlRpcFault e) {
                ctl.output(e.faultCode() == Fault.NOT_RUNNING.code() ? "Process got killed"
                        : "ERROR: " + e.faultCode() + ": " + e.faultString());
                ctl.output("Exiting foreground");
                return true;
            }
            if (supervisor.getProcessInfo(name).state() != ProcessStateCode.RUNNING.code()) {
                ctl.output("Process got killed");
                ctl.output("Exiting foreground");
                return true;
            }
        }
        return false;
    }

    private static void close(LogFollower.Stream s) {
        if (s != null) {
            s.close();
        }
    }

    private LogFollower.Stream stream(String name, String channel) {
        LogFollower.Stream s = new LogFollower.Stream(ctl.serverurl(), ctl.username(), ctl.password(),
                "/logtail/" + name + "/" + channel, ctl.out());
        Thread t = new Thread(s, "fg-" + channel);
        t.setDaemon(true);
        t.start();
        return s;
    }
}
