package jsupervisor.daemon.posix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Starts children with glibc's {@code posix_spawn} (never ProcessBuilder, never fork from Java).
 *
 * <p>Loop-confined: call {@link #spawn} only from the supervisor loop thread. {@code umask=} is applied by
 * setting the whole process's umask around the call, which is safe only because every file the daemon
 * creates is created on that same thread. Every child gets, in order: stdio via dup2 (or /dev/null opened in
 * the child), every other fd closed (closefrom(3), or one close action per open fd on glibc before 2.34;
 * close-on-exec alone is not enough because the JVM's own fds lack it), a chdir to {@code directory}, its own session and process group (POSIX_SPAWN_SETSID, so
 * pgid = sid = pid and {@code kill(-pid)} reaches its descendants), the requested signal mask (normally
 * empty: every JVM thread blocks SIGQUIT, which a child would otherwise inherit) and default dispositions
 * for every signal (a signal ignored when the JVM started would otherwise stay ignored in the child).
 *
 * <p>Assumes fds 0-2 of the daemon are open (to /dev/null when daemonized), so new pipe fds are at least 3.
 */
public final class PosixSpawner {
    private final boolean closeFromAvailable;

    /** A spawner that closes inherited fds with closefrom(3) when glibc (2.34+) offers it. */
    public PosixSpawner() {
        this(LibcSpawn.hasAddClosefrom());
    }

    /** Test hook: {@code false} closes inherited fds one by one, as on glibc older than 2.34. */
    PosixSpawner(boolean useCloseFrom) {
        this.closeFromAvailable = useCloseFrom && LibcSpawn.hasAddClosefrom();
    }

    /**
     * Spawns {@code request}. Never throws for an expected failure: see {@link SpawnResult.Failed}.
     *
     * @throws PosixException only for failures that indicate a bug (EINVAL from the attribute calls)
     */
    public SpawnResult spawn(SpawnRequest request) {
        Optional<Path> program = CommandPath.find(request.program(), request.env().get("PATH"));
        if (program.isEmpty()) {
            return new SpawnResult.Failed(SpawnResult.Stage.SPAWN, Errno.ENOENT);
        }
        StdioPipes pipes;
        try {
            pipes = StdioPipes.open(request);
        } catch (PosixException e) {
            return new SpawnResult.Failed(SpawnResult.Stage.PIPES, e.errno());
        }
        Outcome outcome;
        try {
            outcome = posixSpawn(program.get().toString(), request, pipes);
        } catch (RuntimeException e) {
            pipes.closeParentEnds();
            throw e;
        } finally {
            // The child has its copies (or never will); ours would keep the pipes from reporting EOF.
            pipes.closeChildEnds();
        }
        if (outcome.error() != 0) {
            pipes.closeParentEnds();
            return new SpawnResult.Failed(SpawnResult.Stage.SPAWN, outcome.error());
        }
        return watch(outcome.pid(), pipes);
    }

    /** posix_spawn's return value and, when it is 0, the new pid. */
    private record Outcome(int error, int pid) {}

    private Outcome posixSpawn(String path, SpawnRequest request, StdioPipes pipes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(LibcSpawn.POSIX_SPAWNATTR_T_SIZE, 8);
            MemorySegment actions = arena.allocate(LibcSpawn.POSIX_SPAWN_FILE_ACTIONS_T_SIZE, 8);
            check("posix_spawnattr_init", LibcSpawn.posix_spawnattr_init(attr));
            try {
                check("posix_spawn_file_actions_init", LibcSpawn.posix_spawn_file_actions_init(actions));
                try {
                    configureAttributes(arena, attr, request);
                    addFileActions(arena, actions, request, pipes);
                    MemorySegment pidOut = arena.allocate(ValueLayout.JAVA_INT);
                    int error = spawnWithUmask(request.umask(), pidOut, CString.of(arena, path), actions, attr,
                            argv(arena, request.argv()), environment(arena, request.env()));
                    return new Outcome(error, pidOut.get(ValueLayout.JAVA_INT, 0));
                } finally {
                    LibcSpawn.posix_spawn_file_actions_destroy(actions);
                }
            } finally {
                LibcSpawn.posix_spawnattr_destroy(attr);
            }
        }
    }

    private void configureAttributes(Arena arena, MemorySegment attr, SpawnRequest request) {
        short flags = (short) (LibcSpawn.POSIX_SPAWN_SETSID | LibcSpawn.POSIX_SPAWN_SETSIGMASK
                | LibcSpawn.POSIX_SPAWN_SETSIGDEF);
        check("posix_spawnattr_setflags", LibcSpawn.posix_spawnattr_setflags(attr, flags));
        List<Integer> signals = request.blockedSignals();
        int[] blocked = new int[signals.size()];
        for (int i = 0; i < blocked.length; i++) {
            blocked[i] = signals.get(i);
        }
        check("posix_spawnattr_setsigmask", LibcSpawn.posix_spawnattr_setsigmask(attr, SigSet.of(arena, blocked)));
        check("posix_spawnattr_setsigdefault", LibcSpawn.posix_spawnattr_setsigdefault(attr, SigSet.everySignal(arena)));
    }

    private void addFileActions(Arena arena, MemorySegment actions, SpawnRequest request, StdioPipes pipes) {
        MemorySegment devNull = CString.of(arena, "/dev/null");
        if (pipes.stdin != null) {
            dup2(actions, pipes.stdin.readEnd(), 0);
        } else if (request.stdinFd() != null) {
            dup2(actions, request.stdinFd(), 0);
        } else {
            check("posix_spawn_file_actions_addopen",
                    LibcSpawn.posix_spawn_file_actions_addopen(actions, 0, devNull, Libc.O_RDONLY, 0));
        }
        addOutput(actions, devNull, request.stdout(), pipes.stdout, 1);
        if (request.redirectStderrToStdout()) {
            // Runs after fd 1 is in place, so fd 2 becomes whatever fd 1 became.
            check("posix_spawn_file_actions_adddup2", LibcSpawn.posix_spawn_file_actions_adddup2(actions, 1, 2));
        } else {
            addOutput(actions, devNull, request.stderr(), pipes.stderr, 2);
        }
        int firstToClose = 3;
        if (request.extraFd() != null) {
            // When the fd already is 3, glibc (2.29+) clears its close-on-exec flag instead of a no-op dup2.
            dup2(actions, request.extraFd(), 3);
            firstToClose = 4;
        }
        closeInheritedFds(actions, firstToClose);
        if (request.directory() != null) {
            check("posix_spawn_file_actions_addchdir_np",
                    LibcSpawn.posix_spawn_file_actions_addchdir_np(actions, CString.of(arena, request.directory())));
        }
    }

    /**
     * Closes every fd from {@code from} (3, or 4 with an extra fd) up in the child. Close-on-exec is not enough: the JVM opens some of its own
     * fds without it (measured: lib/modules, class-path jars, a pipe), and Supervisor closes 3..minfds-1.
     * Without closefrom (glibc before 2.34) each fd open now gets a close action; glibc ignores close
     * errors for fds that are in range but no longer open by the time the child runs.
     */
    private void closeInheritedFds(MemorySegment actions, int from) {
        if (closeFromAvailable) {
            check("posix_spawn_file_actions_addclosefrom_np",
                    LibcSpawn.posix_spawn_file_actions_addclosefrom_np(actions, from));
            return;
        }
        for (int fd : openFds()) {
            if (fd >= from) {
                check("posix_spawn_file_actions_addclose", LibcSpawn.posix_spawn_file_actions_addclose(actions, fd));
            }
        }
    }

    private static int[] openFds() {
        try (Stream<Path> entries = Files.list(Path.of("/proc/self/fd"))) {
            return entries.mapToInt(p -> Integer.parseInt(p.getFileName().toString())).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc/self/fd to close inherited fds", e);
        }
    }

    private void addOutput(MemorySegment actions, MemorySegment devNull, Output output, Pipe pipe, int target) {
        // instanceof, not a pattern switch: a switch site spins a class at its first run (bench/README.md)
        if (output instanceof Output.ToPipe) {
            dup2(actions, pipe.writeEnd(), target);
        } else if (output instanceof Output.ToFd f) {
            dup2(actions, f.fd(), target);
        } else {
            check("posix_spawn_file_actions_addopen",
                    LibcSpawn.posix_spawn_file_actions_addopen(actions, target, devNull, Libc.O_WRONLY, 0));
        }
    }

    private static void dup2(MemorySegment actions, Fd fd, int target) {
        check("posix_spawn_file_actions_adddup2",
                LibcSpawn.posix_spawn_file_actions_adddup2(actions, fd.value(), target));
    }

    private static int spawnWithUmask(Integer umask, MemorySegment pid, MemorySegment path, MemorySegment actions,
            MemorySegment attr, MemorySegment argv, MemorySegment envp) {
        if (umask == null) {
            return LibcSpawn.posix_spawn(pid, path, actions, attr, argv, envp);
        }
        // The umask is process-wide: see the class comment for why changing it here is safe.
        int previous = LibcUsers.umask(umask);
        try {
            return LibcSpawn.posix_spawn(pid, path, actions, attr, argv, envp);
        } finally {
            LibcUsers.umask(previous);
        }
    }

    /** Opens the pidfd; if that fails the child cannot be watched, so it is killed and reaped at once. */
    private static SpawnResult watch(int pid, StdioPipes pipes) {
        try {
            PidFd pidFd = PidFd.open(pid);
            return new SpawnResult.Spawned(pid, pidFd, pipes.parentStdin(), pipes.parentStdout(),
                    pipes.parentStderr());
        } catch (PosixException e) {
            Signals.kill(pid, Signals.SIGKILL);
            PidFd.reapBlocking(pid);
            pipes.closeParentEnds();
            return new SpawnResult.Failed(SpawnResult.Stage.PIDFD, e.errno());
        }
    }

    private static MemorySegment environment(Arena arena, Map<String, String> env) {
        CStringArray entries = new CStringArray();
        for (Map.Entry<String, String> e : env.entrySet()) {
            entries.add(e.getKey(), e.getValue());
        }
        return entries.toNative(arena);
    }

    private static MemorySegment argv(Arena arena, List<String> argv) {
        CStringArray strings = new CStringArray();
        for (String arg : argv) {
            strings.add(arg);
        }
        return strings.toNative(arena);
    }

    private static void check(String call, int error) {
        if (error != 0) {
            throw new PosixException(call, error, "");
        }
    }
}
