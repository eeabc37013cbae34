package jsupervisor.daemon.posix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * Supervisor's program lookup, done before spawning so that "can't find command" is reported synchronously.
 *
 * <p>Stateless and thread-safe. Mirrors supervisor/process.py Subprocess.get_execv_args(): a name with '/'
 * is taken as is; a bare name is searched in each PATH directory in order and the first entry that
 * {@code stat}s successfully wins, even a directory, so that the later {@link #check} can say
 * "is a directory" just as Supervisor does.
 */
public final class CommandPath {
    /** Supervisor's fallback when neither the program nor supervisord has a PATH. */
    public static final String DEFAULT_PATH = "/bin:/usr/bin:/usr/local/bin";

    private static final Set<PosixFilePermission> ANY_EXECUTE = Set.of(PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);

    /** The verdict of {@link #check}, in Supervisor's order of checks (REFERENCE.md §4.5 step 3). */
    public enum Verdict {
        RUNNABLE,
        /** stat failed: {@code can't find command <f>}. */
        NOT_FOUND,
        /** {@code command at <f> is a directory}. */
        DIRECTORY,
        /** No x bit for anyone: {@code command at <f> is not executable}. */
        NOT_EXECUTABLE,
        /** access(X_OK) failed: {@code no permission to run command <f>}. */
        NO_PERMISSION
    }

    private CommandPath() {}

    /**
     * Finds {@code program}.
     *
     * @param searchPath the PATH to search (the child's, else supervisord's); null means {@link #DEFAULT_PATH}
     * @return the path to run, or empty when a bare name is on no PATH directory
     */
    public static Optional<Path> find(String program, String searchPath) {
        if (program.indexOf('/') >= 0) {
            return Optional.of(Path.of(program));
        }
        String path = searchPath != null ? searchPath : DEFAULT_PATH;
        for (String dir : path.split(":", -1)) {
            // An empty PATH element means the current directory, as in execvp(3).
            Path candidate = (dir.isEmpty() ? Path.of(".") : Path.of(dir)).resolve(program);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs Supervisor's checks on a found path, in its order. */
    public static Verdict check(Path path) {
        if (!Files.exists(path)) {
            return Verdict.NOT_FOUND;
        }
        if (Files.isDirectory(path)) {
            return Verdict.DIRECTORY;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            if (perms.stream().noneMatch(ANY_EXECUTE::contains)) {
                return Verdict.NOT_EXECUTABLE;
            }
        } catch (IOException e) {
            return Verdict.NOT_FOUND;
        }
        // Files.isExecutable is access(X_OK), as Supervisor's os.access.
        return Files.isExecutable(path) ? Verdict.RUNNABLE : Verdict.NO_PERMISSION;
    }
}
