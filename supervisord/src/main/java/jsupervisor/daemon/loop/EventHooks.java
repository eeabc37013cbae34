package jsupervisor.daemon.loop;

import jsupervisor.daemon.process.ProcessGroup;

/**
 * Where the loop tells the events layer what happens: groups come and go, children write output, each pass
 * ends, the supervisor starts and stops. Loop-confined; every method is called on the loop thread and must not
 * block.
 */
interface EventHooks {
    void groupAdded(ProcessGroup group);

    void groupRemoved(ProcessGroup group);

    /** Whether the group is an event listener pool (its stdout is the protocol channel). */
    boolean isListener(String groupName);

    /**
     * A chunk a child wrote, after it was logged to {@code log} (whose strip_ansi the events' data gets too); the
     * buffer is reused after the call returns.
     */
    void output(String groupName, String processName, int pid, boolean stdout, byte[] buffer, int length,
                jsupervisor.daemon.logging.ChildLog log);

    /**
     * Whether {@link #output} needs this channel's bytes: a listener's protocol channel, or PROCESS_LOG events
     * enabled for it. When false (and there is no capture mode) the loop may move the bytes to the log without
     * reading them. Constant for the life of a child.
     */
    boolean observes(String groupName, String processName, boolean stdout);

    /**
     * Whether output of this channel goes through capture mode ({@code *_capture_maxbytes > 0}); then the loop
     * hands chunks to {@link #capture} instead of logging them itself.
     */
    boolean captures(String groupName, String processName, boolean stdout);

    /** A chunk for capture mode: logs what is outside the capture tokens, turns captures into events. */
    void capture(String groupName, String processName, int pid, boolean stdout, byte[] buffer, int length,
                 jsupervisor.daemon.logging.ChildLog log);

    /**
     * A child was reaped and its process has run {@code finish}: if it is a listener that died holding an event,
     * the event goes back to its pool now, after the exit was logged, as at the end of Supervisor's
     * {@code Subprocess.finish}.
     */
    void processFinished(String groupName, String processName);

    /** End of a pass: emit due ticks, dispatch buffered events. */
    void afterTransitions();

    /** True when a buffered event could be sent to a ready listener now, so the loop must not sleep. */
    boolean dispatchPending();

    /** The wall-clock millisecond at which the next subscribed tick is due, or {@link Long#MAX_VALUE}. */
    long nextDueMillis();

    void supervisorRunning();

    void supervisorStopping();

    EventHooks NONE = new EventHooks() {
        @Override
        public void groupAdded(ProcessGroup group) {}

        @Override
        public void groupRemoved(ProcessGroup group) {}

        @Override
        public boolean isListener(String groupName) {
            return false;
        }

        @Override
        public void output(String groupName, String processName, int pid, boolean stdout, byte[] buffer,
                           int length, jsupervisor.daemon.logging.ChildLog log) {}

        @Override
        public boolean observes(String groupName, String processName, boolean stdout) {
            return false;
        }

        @Override
        public boolean captures(String groupName, String processName, boolean stdout) {
            return false;
        }

        @Override
        public void capture(String groupName, String processName, int pid, boolean stdout, byte[] buffer,
                            int length, jsupervisor.daemon.logging.ChildLog log) {}

        @Override
        public void processFinished(String groupName, String processName) {}

        @Override
        public void afterTransitions() {}

        @Override
        public boolean dispatchPending() {
            return false;
        }

        @Override
        public long nextDueMillis() {
            return Long.MAX_VALUE;
        }

        @Override
        public void supervisorRunning() {}

        @Override
        public void supervisorStopping() {}
    };
}
