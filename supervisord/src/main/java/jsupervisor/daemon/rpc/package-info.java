/**
 * Supervisor's XML-RPC API as an in-process dispatcher (REFERENCE §6), mirroring
 * {@code supervisor/rpcinterface.py} and {@code supervisor/xmlrpc.py}.
 *
 * <p>Wiring, once per loop run, on the loop thread (a daemon restart builds everything again):
 * <pre>{@code
 * LoopAccess access = Wiring.wire(loop, config, autoLogs, log, environment);
 * RpcRegistry rpc = SupervisorNamespace.registry(access, config, reloader::reload);
 * }</pre>
 * The HTTP layer then calls {@link jsupervisor.daemon.rpc.RpcRegistry#call} from its connection threads and writes
 * the {@link jsupervisor.daemon.rpc.RpcAnswer}: a value or a fault as HTTP 200 ({@code answer.body()}), a server
 * error as HTTP 500. Waiting calls ({@code startProcess(name, true)} and friends, {@code system.multicall} around
 * them) simply complete later; their futures complete on the loop thread, so block with {@code join()} on the
 * connection's virtual thread or attach {@code *Async} stages.
 *
 * <p>Inside: {@link jsupervisor.daemon.rpc.RpcRegistry} is the explicit name-to-handler table;
 * {@link jsupervisor.daemon.rpc.SupervisorNamespace} and {@code SystemNamespace} fill it; {@code LoopCalls} runs each
 * method's domain part on the loop after the SHUTDOWN_STATE check; {@code ProcessWaits} completes {@code wait}
 * calls from the loop's state-change fan-out ({@link jsupervisor.daemon.loop.StateChanges}); {@code FaultMapping}
 * is the only place domain outcomes become faults; {@code LogFileReader} reads log files off the loop.
 */
package jsupervisor.daemon.rpc;
