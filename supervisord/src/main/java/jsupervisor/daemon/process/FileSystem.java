package jsupervisor.daemon.process;

import java.util.Optional;

/**
 * The two file-system questions program resolution asks ({@code stat} and {@code access(X_OK)}), behind an
 * interface so tests can fake them. Mirrors the seam of {@code supervisor/options.py ServerOptions.stat}
 * and {@code check_execv_args}. Called on the loop thread.
 */
public interface FileSystem {
    /** {@code stat(path)} following symlinks; empty when it fails for any reason. */
    Optional<FileStat> stat(String path);

    /** {@code access(path, X_OK)} for the real uid of supervisord. */
    boolean isExecutable(String path);

    /**
     * What {@code stat} says about a file that matters here.
     *
     * @param directory      S_ISDIR
     * @param permissionBits S_IMODE: the low 12 bits of the mode
     */
    record FileStat(boolean directory, int permissionBits) {
        /** Whether anyone at all has an x bit ({@code S_IMODE(mode) & 0o111}). */
        public boolean anyExecuteBit() {
            return (permissionBits & 0111) != 0;
        }
    }
}
