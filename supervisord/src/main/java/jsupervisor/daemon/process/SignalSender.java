package jsupervisor.daemon.process;

/**
 * Sends signals to children: {@code kill(pid, sig)} or {@code kill(-pgid, sig)}. The posix package provides
 * the real one; tests record calls. Called on the loop thread; never blocks.
 */
public interface SignalSender {
    /** Signals the process {@code pid} only. */
    SignalResult signalProcess(int pid, int signal);

    /** Signals every process in process group {@code pgid} (Supervisor's {@code kill(-pid, sig)}). */
    SignalResult signalGroup(int pgid, int signal);
}
