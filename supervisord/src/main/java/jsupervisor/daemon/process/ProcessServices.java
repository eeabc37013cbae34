package jsupervisor.daemon.process;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The outside world as one process sees it, injected into every {@link Subprocess} and
 * {@link ProcessGroup}: the loop wires real implementations, tests wire fakes. Immutable; all members are
 * used on the loop thread only.
 *
 * @param startsAllowed true while the supervisor mood is RUNNING; autostart, autorestart and backoff
 *                      retries happen only then ({@code options.mood > SupervisorStates.RESTARTING})
 */
public record ProcessServices(Spawner spawner, SignalSender signals, Clock clock, MainLog log,
                              ProcessStateListener listener, ProgramResolver resolver,
                              ChildEnvironment environment, BooleanSupplier startsAllowed) {
    public ProcessServices {
        Objects.requireNonNull(spawner, "spawner");
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(startsAllowed, "startsAllowed");
    }
}
