package jsupervisor.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jsupervisor.daemon.pidproxy.BlockedSignals;
import jsupervisor.daemon.pidproxy.Reexec;
import jsupervisor.daemon.pidproxy.SignalSender;
import sun.misc.Signal;

/**
 * pidproxy: runs a command and passes the signals it receives on to the pid named in a pidfile.
 *
 * <p>Mirrors supervisor/pidproxy.py. It exists for programs that daemonize themselves: supervisord
 * watches pidproxy, and pidproxy relays TERM, HUP, INT, USR1, USR2 and QUIT to the real daemon.
 *
 * <p>Signals: HotSpot owns SIGQUIT (thread dumps) and {@code sun.misc.Signal} refuses it. So pidproxy
 * first blocks the six signals and re-executes itself (same pid, with {@code -Xrs}; see {@link Reexec});
 * the new JVM reads them from a signalfd on one platform thread, {@code pidproxy-signals}. Should that
 * be impossible, it falls back to {@code sun.misc.Signal} for all but QUIT, which is then
 * not relayed ({@code bin/pidproxy} passes {@code -XX:-DisplayVMOutput} so that QUIT at least prints no
 * thread dump into the child's log). {@link #forward} is synchronized so signals are relayed one at a
 * time, in arrival order. The main thread starts the child and waits for it to exit.
 *
 * <p>Other deliberate differences from upstream: the child's argv[0] is the absolute path rather than
 * the word as typed (ProcessBuilder has no separate argv[0]); only fds 0-2 are inherited; a command that
 * cannot be executed is reported on stderr (upstream's child exits 127 silently), then pidproxy exits 0
 * as upstream does once its child is gone.
 */
public final class PidProxy {
    /** Upstream's usage text, word for word; {@code %s} becomes argv0, as in its {@code __doc__ % sys.argv[0]}. */
    static final String USAGE = """
            pidproxy -- run command and proxy signals to it via its pidfile.

            This executable runs a command and then monitors a pidfile.  When this
            executable receives a signal, it sends the same signal to the pid
            in the pidfile.

            Usage: %s <pidfile name> <command> [<cmdarg1> ...]
            """;

    /** The signals upstream relays. */
    static final List<String> RELAYED = List.of("TERM", "HUP", "INT", "USR1", "USR2", "QUIT");

    /** After relaying one of these, pidproxy itself exits 0 (mirrors passtochild()). */
    private static final Set<Integer> FINAL = Set.of(
            new Signal("TERM").getNumber(), new Signal("INT").getNumber(), new Signal("QUIT").getNumber());

    private final String pidfile;
    private final SignalSender sender;

    private PidProxy(String pidfile, SignalSender sender) {
        this.pidfile = pidfile;
        this.sender = sender;
    }

    public static void main(String[] args) {
        String argv0 = System.getProperty("jsupervisor.argv0", "pidproxy");
        if (args.length < 2) {
            // print() in Python adds a newline after the docstring's own final newline.
            System.out.print(USAGE.replace("%s", argv0) + "\n");
            System.out.flush();
            System.exit(1);
        }
        PidProxy proxy = new PidProxy(args[0], new SignalSender());
        proxy.listen();
        System.exit(proxy.run(commandLine(args)));
    }

    /** The command with its path made absolute against the CWD (os.path.abspath): no PATH search. */
    static List<String> commandLine(String[] args) {
        List<String> command = new ArrayList<>(List.of(args).subList(1, args.length));
        command.set(0, Path.of("").toAbsolutePath().resolve(args[1]).normalize().toString());
        return command;
    }

    /**
     * Starts receiving the relayed signals; done before the child starts, like upstream. In the first
     * JVM this normally does not return: it re-executes pidproxy with the signals blocked.
     */
    private void listen() {
        int[] numbers = RELAYED.stream().mapToInt(name -> new Signal(name).getNumber()).toArray();
        if (BlockedSignals.blockedInThisThread(numbers)) {
            BlockedSignals source = BlockedSignals.open(numbers);
            Thread.ofPlatform().name("pidproxy-signals").daemon(true).start(() -> {
                while (true) {
                    forward(source.take());
                }
            });
            return;
        }
        if (!Reexec.done()) {
            BlockedSignals.block(numbers);
            String failure = Reexec.withSignalsLeftToUs(); // returns only if execve failed
            BlockedSignals.unblock(numbers);
            System.err.println("pidproxy: " + failure + "; QUIT will not be relayed");
        }
        // Fallback: works for all but QUIT, and only in a JVM without -Xrs (which has no signal dispatcher).
        for (String name : RELAYED) {
            try {
                Signal.handle(new Signal(name), signal -> forward(signal.getNumber()));
            } catch (IllegalArgumentException reservedByJvm) {
                // QUIT: "Signal already used by VM or OS".
            }
        }
    }

    /** Starts the child and waits for it; the exit status is always 0 once it is gone (upstream ignores it). */
    private int run(List<String> command) {
        Process child;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            Reexec.scrub(builder.environment());
            child = builder.start();
        } catch (IOException e) {
            System.err.println("pidproxy: cannot execute " + command.getFirst() + ": " + e.getMessage());
            return 0;
        }
        // onExit() completes from the JDK's reaper thread at once, where upstream polled every 5 s.
        child.onExit().join();
        return 0;
    }

    /** Relays signal number {@code signal} to the pid in the pidfile (mirrors passtochild()). */
    private synchronized void forward(int signal) {
        int pid;
        try {
            pid = Integer.parseInt(Files.readString(Path.of(pidfile)).strip());
        } catch (IOException | RuntimeException unreadable) {
            // Upstream's bare except: any failure to read or parse gives this line, and pidproxy carries on.
            System.out.println("Can't read child pidfile " + pidfile + "!");
            System.out.flush();
            return;
        }
        try {
            sender.send(pid, signal);
        } catch (SignalSender.SendFailedException e) {
            // Upstream's os.kill() raises out of the handler and the traceback ends pidproxy with status 1.
            System.err.println("pidproxy: " + e.getMessage());
            System.exit(1);
        }
        if (FINAL.contains(signal)) {
            System.exit(0);
        }
    }
}
