/**
 * Supervisor's event system: event types and payloads ({@link jsupervisor.daemon.events.Event} and its records,
 * {@link jsupervisor.daemon.events.EventType}), the envelope, the bus that numbers and routes events, listener
 * pools with their buffers and the listener protocol, capture mode and ticks.
 *
 * <p>Everything here is loop-confined: the supervisor loop thread is the only caller; there are no threads and
 * no locks. Depends only on {@code jsupervisor.daemon.config}, {@code jsupervisor.daemon.process} (its public
 * types: {@code ProcessState}, {@code ProcessStateChange}, {@code MainLog}) and {@code jsupervisor.common}.
 *
 * <p>How the loop wires it:
 * <ol>
 *   <li>one {@link jsupervisor.daemon.events.EventBus} and one {@link jsupervisor.daemon.events.TickSource} for
 *       the daemon's life; on reload {@code bus.clear()} (serials continue);</li>
 *   <li>for each EVENTLISTENER group: {@code new ListenerPool(Settings.from(group, identifier), handles, log)},
 *       {@code bus.subscribe(pool)} when the group is created; {@code bus.unsubscribe(pool)} when removed;</li>
 *   <li>events: {@code bus.publish(ProcessStateEvent.of(change))} from the {@code ProcessStateListener};
 *       {@code ProcessGroupEvent.added/removed}, {@code SupervisorStateChangeEvent.RUNNING/STOPPING},
 *       {@code RemoteCommunicationEvent} from the RPC, {@code ProcessLogEvent} from the output path;</li>
 *   <li>per listener: {@code pool.onSpawned(h)} at each spawn, {@code pool.onOutput(h, bytes)} after each stdout
 *       read (after logging it), {@code pool.onExited(h)} in finish;</li>
 *   <li>per program output channel (not a listener's stdout), at each spawn: a {@code CaptureMode} fed with
 *       every read; its {@code Log} strips, writes to the child log unless capturing, mirrors, and emits
 *       PROCESS_LOG_* when enabled, returning the bytes as logged (with {@code *_capture_maxbytes=0} it passes
 *       every read straight through);</li>
 *   <li>each pass, after transitioning the pool's processes: {@code tickSource.tick(nowMillis)} and publish
 *       each tick, then {@code pool.dispatch()}; sleep no later than
 *       {@code tickSource.nextDueMillis(bus::isSubscribed)}, and not at all while some {@code pool.canDispatch()}
 *       (an event published after the dispatch, by a signal or a command).</li>
 * </ol>
 */
package jsupervisor.daemon.events;
