package jsupervisor.daemon.process;

/**
 * One state change of one process, with the values a {@code PROCESS_STATE_*} event carries, captured at
 * the moment of the change (Supervisor renders them eagerly too: {@code supervisor/events.py
 * ProcessStateEvent}). Immutable.
 *
 * @param process  the process that changed (for identity; do not read its later state from here)
 * @param expected meaningful for EXITED only: whether the exit status was in {@code exitcodes}
 * @param tries    the backoff counter (the {@code tries} of STARTING and BACKOFF events)
 * @param pid      the pid at the time of the change (the {@code pid} of RUNNING, STOPPING, STOPPED, EXITED);
 *                 0 when there is none
 */
public record ProcessStateChange(Subprocess process, String groupName, String processName, ProcessState from,
                                 ProcessState to, boolean expected, int tries, int pid) {
}
