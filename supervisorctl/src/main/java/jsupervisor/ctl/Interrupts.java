package jsupervisor.ctl;

/**
 * Routes Ctrl-C (SIGINT) the way Python's KeyboardInterrupt reaches supervisorctl's code: while a streaming
 * command ({@code tail -f}, {@code maintail -f}, {@code fg}) runs, the interrupt only ends that command; at any
 * other time it runs the fallback (the shell prints an empty line and exits 0). The signal handler thread
 * calls {@link #fire()}; the command thread sets and clears the current action.
 *
 * <p>Thread-safe. Firing and clearing exclude each other, so once {@link #clear()} returns, the command's
 * action is neither running nor about to run: a Ctrl-C that lands as a command ends cannot act on it after
 * the command has tidied up (a late {@code Thread.interrupt()} would otherwise reach the shell's next prompt
 * and end the shell).
 */
public final class Interrupts {
    private Runnable current;
    private Runnable fallback = () -> Runtime.getRuntime().halt(130);

    /** Installs the SIGINT handler (sun.misc.Signal: no native access needed). */
    public void install() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), s -> fire());
        } catch (IllegalArgumentException e) {
            // INT was ignored when the JVM started (e.g. a background job): leave it ignored, as Python does
        }
    }

    /** What happens on an interrupt outside a streaming command. */
    public synchronized void setFallback(Runnable fallback) {
        this.fallback = fallback;
    }

    /** Makes {@code action} the reaction to the next interrupt, until {@link #clear()}; it must not block. */
    public synchronized void set(Runnable action) {
        current = action;
    }

    public synchronized void clear() {
        current = null;
    }

    /** Called on SIGINT. */
    public synchronized void fire() {
        (current != null ? current : fallback).run();
    }
}
