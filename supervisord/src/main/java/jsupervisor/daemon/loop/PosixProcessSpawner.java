package jsupervisor.daemon.loop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jsupervisor.daemon.posix.Errno;
import jsupervisor.daemon.posix.ListeningSocket;
import jsupervisor.daemon.posix.Output;
import jsupervisor.daemon.posix.PosixSpawner;
import jsupervisor.daemon.posix.SpawnRequest;
import jsupervisor.daemon.posix.SpawnResult;
import jsupervisor.daemon.process.SpawnSpec;
import jsupervisor.daemon.process.Spawner;

/**
 * Starts children with posix_spawn and hands their fds to the loop. Adds what posix_spawn cannot do itself:
 * {@code user=} runs the program through util-linux {@code setpriv}; and a failure Supervisor would only see in
 * the forked child (chdir, setuid, exec) is reproduced faithfully by starting a tiny {@code /bin/sh} that writes
 * Supervisor's {@code supervisor: couldn't ...} lines to the child's stderr and exits 127, so the state machine,
 * the logs and the backoff behave exactly as with Supervisor. Loop-confined.
 */
final class PosixProcessSpawner implements Spawner, SpawnBatching {
    private static final String SHELL = "/bin/sh";
    private static final String SETPRIV = "setpriv";

    private final PosixSpawner spawner = new PosixSpawner();
    private final ChildRegistry registry;
    private final int ourUid;
    private final FcgiSockets sockets;
    private final ParallelSpawns parallelSpawns;
    /** At most this many spawns wait in a batch; a full batch runs at once. */
    private static final int BATCH_LIMIT = 64;
    /** Spawns asked for since {@link #open}; null when not batching. */
    private List<Pending> batch;

    PosixProcessSpawner(ChildRegistry registry, int ourUid, FcgiSockets sockets, ParallelSpawns parallelSpawns) {
        this.registry = registry;
        this.ourUid = ourUid;
        this.sockets = sockets;
        this.parallelSpawns = parallelSpawns;
    }

    @Override
    public jsupervisor.daemon.process.SpawnResult spawn(SpawnSpec spec) {
        Prepared p = prepare(spec);
        if (p.early != null) {
            return p.complete(null, null);
        }
        ParallelSpawns.Outcome o = outcome(() -> spawner.spawn(p.request));
        return p.complete(o.result(), o.error());
    }

    @Override
    public void spawn(SpawnSpec spec, Consumer<jsupervisor.daemon.process.SpawnResult> done) {
        if (batch == null) {
            done.accept(spawn(spec));
            return;
        }
        batch.add(new Pending(spec, done, null));
        if (batch.size() >= BATCH_LIMIT) {
            // bounded: a thousand programs starting at once need not hold a thousand environments in memory
            List<Pending> full = batch;
            batch = new ArrayList<>();
            run(full);
        }
    }

    @Override
    public void fail(jsupervisor.daemon.process.SpawnResult.Failed failure,
                     Consumer<jsupervisor.daemon.process.SpawnResult> done) {
        if (batch == null) {
            done.accept(failure);
        } else {
            batch.add(new Pending(null, done, failure)); // delivered in its place among the batch's spawns
        }
    }

    @Override
    public void open() {
        batch = new ArrayList<>();
    }

    /**
     * Runs the spawns asked for since {@link #open}: the posix_spawn calls several at once (those without a
     * umask of their own), everything else on the loop thread, and the results delivered in request order.
     */
    @Override
    public void flush() {
        List<Pending> pending = batch;
        batch = null;
        if (pending != null && !pending.isEmpty()) {
            run(pending);
        }
    }

    private void run(List<Pending> pending) {
        if (pending.size() == 1) {
            Pending only = pending.getFirst();
            only.done.accept(only.known != null ? only.known : spawn(only.spec));
            return;
        }
        List<Prepared> prepared = new ArrayList<>(pending.size());
        List<SpawnRequest> parallel = new ArrayList<>();
        for (Pending p : pending) {
            Prepared ready = p.known != null ? new Prepared(null, null, null, p.known) : prepare(p.spec);
            prepared.add(ready);
            if (ready.early == null && ready.request.umask() == null) {
                parallel.add(ready.request);
            }
        }
        // a umask is process-wide: those spawns run alone, before the others start
        List<ParallelSpawns.Outcome> serial = new ArrayList<>();
        for (Prepared p : prepared) {
            if (p.early == null && p.request.umask() != null) {
                serial.add(outcome(() -> spawner.spawn(p.request)));
            }
        }
        List<ParallelSpawns.Outcome> together = parallelSpawns.spawnAll(parallel);
        int s = 0;
        int t = 0;
        RuntimeException first = null;
        for (int i = 0; i < prepared.size(); i++) {
            Prepared p = prepared.get(i);
            try {
                jsupervisor.daemon.process.SpawnResult result;
                if (p.early != null) {
                    result = p.complete(null, null);
                } else {
                    ParallelSpawns.Outcome o = p.request.umask() != null ? serial.get(s++) : together.get(t++);
                    result = p.complete(o.result(), o.error());
                }
                pending.get(i).done.accept(result);
            } catch (RuntimeException e) {
                // every other process still learns how its spawn went; the loop logs this one
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static ParallelSpawns.Outcome outcome(java.util.function.Supplier<SpawnResult> spawn) {
        try {
            return new ParallelSpawns.Outcome(spawn.get(), null);
        } catch (RuntimeException e) {
            return new ParallelSpawns.Outcome(null, e);
        }
    }

    /** A spawn asked for, or ({@code known} not null) a failure found before it, to deliver in its place. */
    private record Pending(SpawnSpec spec, Consumer<jsupervisor.daemon.process.SpawnResult> done,
                           jsupervisor.daemon.process.SpawnResult known) {}

    /**
     * A spawn made ready on the loop thread: its request, or a result known before any posix_spawn (an fcgi
     * socket that cannot be made, a uid we cannot switch to), and its share of an fcgi socket.
     */
    private final class Prepared {
        final SpawnSpec spec;
        final SharedSocket.Lease lease;
        final SpawnRequest request;
        final jsupervisor.daemon.process.SpawnResult early;

        Prepared(SpawnSpec spec, SharedSocket.Lease lease, SpawnRequest request,
                 jsupervisor.daemon.process.SpawnResult early) {
            this.spec = spec;
            this.lease = lease;
            this.request = request;
            this.early = early;
        }

        /** Turns posix_spawn's outcome into the process's result (registering the child); loop thread. */
        jsupervisor.daemon.process.SpawnResult complete(SpawnResult posix, RuntimeException error) {
            jsupervisor.daemon.process.SpawnResult result;
            if (early != null) {
                result = early;
            } else if (error != null) {
                result = new jsupervisor.daemon.process.SpawnResult.Failed("unknown error during fork for '"
                        + spec.processName() + "': " + error.getMessage());
            } else {
                result = finish(spec, posix, lease);
            }
            if (lease != null && result instanceof jsupervisor.daemon.process.SpawnResult.Failed) {
                lease.close();
            }
            return result;
        }
    }

    private Prepared prepare(SpawnSpec spec) {
        // an fcgi child's socket is made (if it is the first) before anything else, as Supervisor's before_spawn
        SharedSocket shared = sockets.of(spec.groupName()).orElse(null);
        SharedSocket.Lease lease = null;
        if (shared != null) {
            try {
                lease = shared.acquire();
            } catch (ListeningSocket.Failure e) {
                return new Prepared(spec, null, null, new jsupervisor.daemon.process.SpawnResult.Failed(
                        "Could not create FastCGI socket " + shared.url() + ": " + e.getMessage()));
            }
        }
        String logsFailed = registry.openLogs(spec); // after the fcgi socket and before the fork, as Supervisor
        if (logsFailed != null) {
            return new Prepared(spec, lease, null, new jsupervisor.daemon.process.SpawnResult.Failed(logsFailed));
        }
        if (spec.uid() != null && spec.uid() != ourUid && ourUid != 0) {
            return new Prepared(spec, lease, null, childFailure(spec, "supervisor: couldn't setuid to " + spec.uid()
                    + ": Can't drop privilege as nonroot user\n", lease));
        }
        try {
            return new Prepared(spec, lease, request(spec, lease), null);
        } catch (RuntimeException e) { // a request the spawner refuses (a NUL in an argument, say)
            return new Prepared(spec, lease, null, new jsupervisor.daemon.process.SpawnResult.Failed(
                    "unknown error during fork for '" + spec.processName() + "': " + e.getMessage()));
        }
    }

    private jsupervisor.daemon.process.SpawnResult finish(SpawnSpec spec, SpawnResult result,
                                                          SharedSocket.Lease lease) {
        // instanceof, not a pattern switch: a switch site spins a class at its first run (bench/README.md)
        if (result instanceof SpawnResult.Spawned s) {
            registry.register(spec, s, lease);
            return new jsupervisor.daemon.process.SpawnResult.Spawned(s.pid());
        }
        return failure(spec, (SpawnResult.Failed) result, lease);
    }

    private SpawnRequest request(SpawnSpec spec, SharedSocket.Lease lease) {
        String program = spec.filename();
        List<String> argv = spec.argv();
        if (spec.uid() != null && spec.uid() != ourUid) {
            // posix_spawn cannot setuid; setpriv does it between fork and exec, as Supervisor's child does
            List<String> wrapped = new ArrayList<>(List.of(SETPRIV, "--reuid=" + spec.uid(), "--regid=" + gidOf(spec),
                    "--init-groups", "--", spec.filename()));
            wrapped.addAll(argv.subList(1, argv.size()));
            program = Files.isExecutable(Path.of("/usr/bin/setpriv")) ? "/usr/bin/setpriv" : SETPRIV;
            argv = wrapped;
        }
        SpawnRequest.Builder b = SpawnRequest.builder(program, argv, spec.environment())
                .directory(spec.directory()).umask(spec.umask()).stdinPipe(true).stdout(output(spec, true));
        if (lease != null) {
            b.stdinFrom(lease.fd()); // an fcgi child's fd 0 is the listening socket; it has no stdin pipe
        }
        if (spec.redirectStderr()) {
            b.redirectStderrToStdout();
        } else {
            b.stderr(output(spec, false));
        }
        return b.build();
    }

    private Output output(SpawnSpec spec, boolean stdout) {
        return registry.readsOutput(spec, stdout) ? Output.PIPE : Output.DEV_NULL;
    }

    private static int gidOf(SpawnSpec spec) {
        return jsupervisor.daemon.posix.Users.byUid(spec.uid()).map(p -> p.gid()).orElse(spec.uid());
    }

    private jsupervisor.daemon.process.SpawnResult failure(SpawnSpec spec, SpawnResult.Failed f,
                                                           SharedSocket.Lease lease) {
        String name = spec.processName();
        String errno = Errno.name(f.errno());
        return switch (f.stage()) {
            case PIPES -> new jsupervisor.daemon.process.SpawnResult.Failed(f.errno() == Errno.EMFILE
                    ? "too many open files to spawn '" + name + "'"
                    : "unknown error making dispatchers for '" + name + "': " + errno);
            case PIDFD -> new jsupervisor.daemon.process.SpawnResult.Failed(
                    "unknown error during fork for '" + name + "': " + errno);
            case SPAWN -> {
                if (f.errno() == Errno.EAGAIN) {
                    yield new jsupervisor.daemon.process.SpawnResult.Failed(
                            "Too many processes in process table to spawn '" + name + "'");
                }
                if (spec.directory() != null && !Files.isDirectory(Path.of(spec.directory()))) {
                    yield childFailure(spec, "supervisor: couldn't chdir to " + spec.directory() + ": " + errno
                            + "\n", lease);
                }
                yield childFailure(spec, "supervisor: couldn't exec " + spec.argv().get(0) + ": " + errno + "\n",
                        lease);
            }
        };
    }

    /** A stand-in child that reports {@code message} on its stderr and exits 127, as Supervisor's forked child. */
    private jsupervisor.daemon.process.SpawnResult childFailure(SpawnSpec spec, String message,
                                                                SharedSocket.Lease lease) {
        String text = message + "supervisor: child process was not spawned\n";
        SpawnRequest.Builder b = SpawnRequest.builder(SHELL,
                        List.of(SHELL, "-c", "printf '%s' \"$1\" >&2; exit 127", "supervisor", text), Map.of())
                .stdinPipe(true).stdout(Output.PIPE);
        if (spec.redirectStderr()) {
            b.redirectStderrToStdout();
        } else {
            b.stderr(Output.PIPE);
        }
        SpawnResult result = spawner.spawn(b.build());
        if (result instanceof SpawnResult.Spawned s) {
            registry.register(spec, s, lease);
            return new jsupervisor.daemon.process.SpawnResult.Spawned(s.pid());
        }
        return new jsupervisor.daemon.process.SpawnResult.Failed("unknown error during fork for '"
                + spec.processName() + "': " + Errno.name(((SpawnResult.Failed) result).errno()));
    }
}
