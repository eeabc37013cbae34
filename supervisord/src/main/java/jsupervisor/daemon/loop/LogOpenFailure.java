package jsupervisor.daemon.loop;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import jsupervisor.common.ini.PythonRepr;
import jsupervisor.daemon.posix.Errno;

/**
 * A child's log file could not be opened before its spawn: Supervisor's {@code make_dispatchers} raised, and the
 * spawn fails with {@code unknown error making dispatchers for 'x': EISDIR} (or {@code too many open files to
 * spawn 'x'}), so the process goes to BACKOFF rather than running with its output lost. Immutable.
 */
final class LogOpenFailure extends Exception {
    private final String errnoName;

    LogOpenFailure(IOException cause) {
        super(cause.getMessage(), cause, false, false);
        this.errnoName = errnoName(cause);
    }

    LogOpenFailure(String reason) {
        super(reason, null, false, false);
        this.errnoName = reason;
    }

    /** The spawn error Supervisor records for this failure. */
    String spawnError(String processName) {
        String name = PythonRepr.of(processName); // Supervisor formats it with %r
        return errnoName.equals("EMFILE") ? "too many open files to spawn " + name
                : "unknown error making dispatchers for " + name + ": " + errnoName;
    }

    private static String errnoName(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "ENOENT";
        }
        if (e instanceof AccessDeniedException) {
            return "EACCES";
        }
        int errno = Errno.ofText(e instanceof FileSystemException f ? f.getReason() : e.getMessage());
        return errno > 0 ? Errno.name(errno) : String.valueOf(e.getMessage());
    }
}
