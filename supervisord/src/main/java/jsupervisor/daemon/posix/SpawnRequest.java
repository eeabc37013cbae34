package jsupervisor.daemon.posix;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@link PosixSpawner} needs to start one child.
 *
 * <p>Immutable; validated on construction. {@code program} is a path containing '/' (used as is, relative
 * paths resolve after the chdir, as Supervisor's chdir-then-execve does) or a bare name looked up on the
 * {@code PATH} of {@code env} by {@link CommandPath}. {@code env} is the child's complete environment.
 * {@code directory} and {@code umask} may be null (inherit). When {@code redirectStderrToStdout} is set,
 * {@code stderr} must be null. {@code blockedSignals} is the child's initial signal mask, empty for every
 * program Supervisor runs; only the daemon re-spawning itself blocks signals (to read them via signalfd).
 * {@code extraFd}, normally null, becomes the child's fd 3: the daemonizing parent passes the write end of a
 * pipe on which the re-spawned daemon reports that it started. The caller keeps ownership of it.
 * {@code stdinFd}, normally null, becomes the child's fd 0 instead of a pipe or /dev/null: the listening socket
 * of an {@code [fcgi-program:x]}; the caller keeps ownership of it too.
 */
public record SpawnRequest(
        String program,
        List<String> argv,
        Map<String, String> env,
        String directory,
        Integer umask,
        boolean stdinPipe,
        Output stdout,
        Output stderr,
        boolean redirectStderrToStdout,
        List<Integer> blockedSignals,
        Fd extraFd,
        Fd stdinFd) {

    public SpawnRequest {
        if (program == null || program.isEmpty() || program.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("bad program: " + program);
        }
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv is empty");
        }
        for (String arg : argv) {
            if (arg.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("NUL in argument: " + arg);
            }
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            String key = e.getKey();
            if (key.isEmpty() || key.indexOf('=') >= 0 || key.indexOf('\0') >= 0 || e.getValue().indexOf('\0') >= 0) {
                throw new IllegalArgumentException("bad environment entry: " + key);
            }
        }
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        if (directory != null && (directory.isEmpty() || directory.indexOf('\0') >= 0)) {
            throw new IllegalArgumentException("bad directory: " + directory);
        }
        if (umask != null && (umask < 0 || umask > 0777)) {
            throw new IllegalArgumentException("umask out of range: " + Integer.toOctalString(umask));
        }
        if (stdout == null) {
            throw new IllegalArgumentException("stdout is null");
        }
        if (redirectStderrToStdout != (stderr == null)) {
            throw new IllegalArgumentException("stderr must be null exactly when it is redirected to stdout");
        }
        blockedSignals = List.copyOf(blockedSignals);
        if (stdinFd != null && stdinPipe) {
            throw new IllegalArgumentException("stdin is either a pipe or a given fd");
        }
    }

    /** A builder defaulting to: stdin pipe, stdout and stderr pipes, inherited directory and umask. */
    public static Builder builder(String program, List<String> argv, Map<String, String> env) {
        return new Builder(program, argv, env);
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private final String program;
        private final List<String> argv;
        private final Map<String, String> env;
        private String directory;
        private Integer umask;
        private boolean stdinPipe = true;
        private Output stdout = Output.PIPE;
        private Output stderr = Output.PIPE;
        private boolean redirectStderr;
        private List<Integer> blockedSignals = List.of();
        private Fd extraFd;
        private Fd stdinFd;

        private Builder(String program, List<String> argv, Map<String, String> env) {
            this.program = program;
            this.argv = argv;
            this.env = env;
        }

        public Builder directory(String directory) {
            this.directory = directory;
            return this;
        }

        public Builder umask(Integer umask) {
            this.umask = umask;
            return this;
        }

        /** false: the child's stdin is /dev/null. */
        public Builder stdinPipe(boolean stdinPipe) {
            this.stdinPipe = stdinPipe;
            return this;
        }

        public Builder stdout(Output stdout) {
            this.stdout = stdout;
            return this;
        }

        public Builder stderr(Output stderr) {
            this.stderr = stderr;
            this.redirectStderr = false;
            return this;
        }

        /** The child's fd 2 becomes a copy of its fd 1 (Supervisor's {@code redirect_stderr=true}). */
        public Builder redirectStderrToStdout() {
            this.stderr = null;
            this.redirectStderr = true;
            return this;
        }

        public Builder blockedSignals(List<Integer> blockedSignals) {
            this.blockedSignals = blockedSignals;
            return this;
        }

        /** An fd the child gets as its fd 3 (see the record's comment). */
        public Builder extraFd(Fd extraFd) {
            this.extraFd = extraFd;
            return this;
        }

        /** The child's fd 0 becomes a copy of {@code fd} (no stdin pipe). */
        public Builder stdinFrom(Fd fd) {
            this.stdinFd = fd;
            this.stdinPipe = false;
            return this;
        }

        public SpawnRequest build() {
            return new SpawnRequest(program, argv, env, directory, umask, stdinPipe, stdout, stderr,
                    redirectStderr, blockedSignals, extraFd, stdinFd);
        }
    }
}
