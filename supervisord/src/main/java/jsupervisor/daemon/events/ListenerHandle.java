package jsupervisor.daemon.events;

import jsupervisor.daemon.process.ProcessState;

/**
 * A pool's view of one event listener process: the loop implements it over its {@code Subprocess} and the
 * child's stdin pipe. Called on the loop thread only; every method must return without blocking. Handles are
 * compared by identity.
 */
public interface ListenerHandle {

    /** What happened to a write. */
    enum WriteResult {
        /** The bytes were written or queued behind earlier ones, to be flushed when the pipe is writable. */
        WRITTEN,
        /** The listener cannot take input: no pid, being killed, or its stdin is closed ({@code EPIPE}). */
        EPIPE
    }

    /** The process name, as Supervisor's log lines print it ({@code process.config.name}). */
    String name();

    /** The process state; only a RUNNING listener is sent events. */
    ProcessState processState();

    /**
     * Writes one envelope to the listener's stdin without blocking ({@code Subprocess.write}: append to the
     * stdin buffer, flush what the pipe takes now). Returns {@link WriteResult#EPIPE} when the process has no
     * pid, is being killed, has no stdin or the pipe is closed; other I/O failures may be thrown.
     */
    WriteResult write(byte[] envelope);
}
