package jsupervisor.daemon.posix;

/**
 * The pipes one spawn needs, split into the ends the child gets and the ends the daemon keeps.
 *
 * <p>Loop-confined, short-lived (one {@link PosixSpawner#spawn} call). Fields are null for streams that need
 * no pipe. Invariant: each end is closed exactly once, either by {@link #closeChildEnds()} after the spawn,
 * by {@link #closeParentEnds()} on failure, or by the caller who received it in the result.
 */
final class StdioPipes {
    final Pipe stdin;
    final Pipe stdout;
    final Pipe stderr;

    private StdioPipes(Pipe stdin, Pipe stdout, Pipe stderr) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Opens the pipes {@code request} asks for; on failure closes those already opened.
     *
     * @throws PosixException with pipe2's errno
     */
    static StdioPipes open(SpawnRequest request) {
        Pipe in = null;
        Pipe out = null;
        try {
            in = request.stdinPipe() ? Pipe.toChild() : null;
            out = request.stdout() instanceof Output.ToPipe ? Pipe.fromChild() : null;
            Pipe err = !request.redirectStderrToStdout() && request.stderr() instanceof Output.ToPipe
                    ? Pipe.fromChild() : null;
            return new StdioPipes(in, out, err);
        } catch (PosixException e) {
            closeAll(in, out);
            throw e;
        }
    }

    Fd parentStdin() {
        return stdin == null ? null : stdin.writeEnd();
    }

    Fd parentStdout() {
        return stdout == null ? null : stdout.readEnd();
    }

    Fd parentStderr() {
        return stderr == null ? null : stderr.readEnd();
    }

    void closeChildEnds() {
        closeAll(stdin == null ? null : stdin.readEnd(), stdout == null ? null : stdout.writeEnd(),
                stderr == null ? null : stderr.writeEnd());
    }

    void closeParentEnds() {
        closeAll(parentStdin(), parentStdout(), parentStderr());
    }

    private static void closeAll(AutoCloseable... closeables) {
        for (AutoCloseable c : closeables) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // Closing our own fresh fds cannot fail short of a bug; keep closing the rest.
                    assert false : e;
                }
            }
        }
    }
}
