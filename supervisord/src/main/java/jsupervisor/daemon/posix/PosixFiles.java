package jsupervisor.daemon.posix;

import java.lang.foreign.Arena;
import java.nio.file.Path;

/**
 * The few path operations the JDK cannot do the way Supervisor needs: chown by numeric ids (for the
 * unix socket's {@code chown=}), chmod with an exact mode, and link/unlink with their errno kept.
 *
 * <p>Stateless and thread-safe. Failures throw {@link PosixException} carrying the errno, so callers can
 * distinguish ENOENT from EACCES without string matching.
 */
public final class PosixFiles {
    private PosixFiles() {}

    /** chmod(2) with an exact mode such as 0700. */
    public static void chmod(Path path, int mode) {
        try (Arena arena = Arena.ofConfined()) {
            if (Libc.chmod(CString.of(arena, path.toString()), mode) < 0) {
                throw new PosixException("chmod", Ffm.errno(), path + ", 0" + Integer.toOctalString(mode));
            }
        }
    }

    /** chown(2); -1 leaves that id unchanged. */
    public static void chown(Path path, int uid, int gid) {
        try (Arena arena = Arena.ofConfined()) {
            if (Libc.chown(CString.of(arena, path.toString()), uid, gid) < 0) {
                throw new PosixException("chown", Ffm.errno(), path + ", uid=" + uid + ", gid=" + gid);
            }
        }
    }

    /**
     * unlink(2).
     *
     * @return false if the path did not exist (ENOENT), true if it was removed
     */
    public static boolean unlink(Path path) {
        try (Arena arena = Arena.ofConfined()) {
            if (Libc.unlink(CString.of(arena, path.toString())) == 0) {
                return true;
            }
            int errno = Ffm.errno();
            if (errno == Errno.ENOENT) {
                return false;
            }
            throw new PosixException("unlink", errno, path.toString());
        }
    }

    /** link(2): a hard link {@code newPath} to {@code existing}; EEXIST if {@code newPath} exists. */
    public static void link(Path existing, Path newPath) {
        try (Arena arena = Arena.ofConfined()) {
            if (Libc.link(CString.of(arena, existing.toString()), CString.of(arena, newPath.toString())) < 0) {
                throw new PosixException("link", Ffm.errno(), existing + ", " + newPath);
            }
        }
    }
}
