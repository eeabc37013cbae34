package jsupervisor.daemon.loop;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jsupervisor.common.api.SupervisorStateCode;
import jsupervisor.daemon.config.GroupConfig;
import jsupervisor.daemon.logging.DaemonLog;
import jsupervisor.daemon.process.ProcessGroup;
import jsupervisor.daemon.process.Subprocess;

/**
 * What the RPC layer may do with the loop: post work to it, and, from that work, read and change the process
 * table (add or remove a group, reach a child's stdin and logs, change the mood, watch state changes). It is
 * the seam between {@code rpc} and {@code loop}; nothing here is a back door to the loop's fields.
 *
 * <p>{@link #submit} is thread-safe; every other method must be called on the loop thread (they assert it).
 */
public final class LoopAccess {
    private final SupervisorLoop loop;
    private final GroupFactory factory;
    private final StateChanges stateChanges;
    private final DaemonLog log;

    private final java.util.function.BiConsumer<String, String> remoteCommunication;

    LoopAccess(SupervisorLoop loop, GroupFactory factory, StateChanges stateChanges, DaemonLog log,
               java.util.function.BiConsumer<String, String> remoteCommunication) {
        this.remoteCommunication = remoteCommunication;
        this.loop = loop;
        this.factory = factory;
        this.stateChanges = stateChanges;
        this.log = log;
    }

    /**
     * Publishes a REMOTE_COMMUNICATION event ({@code sendRemoteCommEvent}). Thread-safe: the publishing happens
     * on the loop.
     */
    public void publishRemoteCommunication(String type, String data) {
        loop.submit(() -> remoteCommunication.accept(type, data));
    }

    /** Runs {@code command} on the loop thread at its next pass. Thread-safe. */
    public void submit(Runnable command) {
        loop.submit(command);
    }

    public boolean inLoopThread() {
        return loop.inLoopThread();
    }

    /** The active groups in the order they were added (Supervisor's {@code process_groups}). */
    public List<ProcessGroup> groups() {
        assert inLoopThread();
        return loop.groups();
    }

    /** The active group made from this very config object (not an equal one), if any. */
    public Optional<ProcessGroup> groupCreatedFrom(GroupConfig config) {
        assert inLoopThread();
        return factory.createdFrom(config);
    }

    /** The active group called {@code name}. */
    public Optional<ProcessGroup> group(String name) {
        assert inLoopThread();
        return loop.group(name);
    }

    public SupervisorStateCode mood() {
        assert inLoopThread();
        return loop.mood();
    }

    /** SHUTDOWN or RESTARTING; the loop then stops every group and {@code run()} returns. */
    public void requestStop(SupervisorStateCode mood) {
        loop.requestStop(mood);
    }

    /**
     * Creates and activates a group ({@code supervisord.add_process_group}); AUTO logs get their files now.
     * Its autostart processes start at the next pass.
     */
    public ProcessGroup addGroup(GroupConfig config) {
        assert inLoopThread();
        ProcessGroup group = factory.create(config);
        loop.addGroup(group);
        return group;
    }

    /** Deactivates a group whose processes are all in stopped states ({@code remove_process_group}). */
    public void removeGroup(ProcessGroup group) {
        if (!group.unstoppedProcesses().isEmpty()) {
            throw new IllegalStateException("group " + group.name() + " still has running processes");
        }
        loop.removeGroup(group);
        factory.forget(group);
    }

    /** Queues bytes for a running child's stdin. */
    public StdinWrite writeStdin(Subprocess process, byte[] data) {
        if (process.pid() == 0 || process.killing()) {
            return StdinWrite.NOT_RUNNING;
        }
        return loop.writeStdin(process.pid(), data);
    }

    /** Empties a running child's stdout and stderr logs; no-op when it has no child. */
    public void clearLogs(Subprocess process) throws IOException {
        if (process.pid() != 0) {
            loop.clearChildLogs(process.pid());
        }
    }

    /** The daemon's main log (readLog, clearLog). Loop-confined like every log writer. */
    public DaemonLog mainLog() {
        return log;
    }

    public StateChanges stateChanges() {
        return stateChanges;
    }
}
