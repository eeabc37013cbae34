/**
 * The supervision engine's domain core: the state machine of each supervised process
 * ({@link jsupervisor.daemon.process.Subprocess}), its groups, and the seams through which it reaches the OS
 * ({@link jsupervisor.daemon.process.Spawner}, {@link jsupervisor.daemon.process.SignalSender},
 * {@link jsupervisor.daemon.process.Clock}, {@link jsupervisor.daemon.process.FileSystem}) and the rest of
 * the daemon ({@link jsupervisor.daemon.process.MainLog},
 * {@link jsupervisor.daemon.process.ProcessStateListener}).
 *
 * <p>Everything here is loop-confined: the supervisor loop thread is the only caller, so nothing locks.
 * Depends only on {@code jsupervisor.daemon.config} (and {@code PythonRepr} from the common module).
 *
 * <p>How the loop drives it, one pass at a time (the order of {@code supervisord.py runforever}):
 * <ol>
 *   <li>dispatch child I/O;</li>
 *   <li>{@code transition()} every group in {@link jsupervisor.daemon.process.PriorityOrder#groupsAscending};</li>
 *   <li>for each reaped pid: drain its pipes, then {@code finish(exitStatus)}, then {@code transition()} that
 *       process again so an autorestart happens in the same pass;</li>
 *   <li>poll with a timeout of {@code min(nextDeadline() of every group) - now}, capped at 1 s.</li>
 * </ol>
 * After any call that spawns, read {@code pid()} to update the pid table; after {@code finish}, forget it.
 */
package jsupervisor.daemon.process;
