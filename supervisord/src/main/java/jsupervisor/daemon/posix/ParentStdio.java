package jsupervisor.daemon.posix;

import java.lang.foreign.Arena;
import java.util.HashMap;
import java.util.Map;

/**
 * The stdout or stderr of the process that started the daemon, kept open for the daemon's whole life. Supervisor
 * opens its main log before it forks away from its terminal, so {@code logfile=/dev/stdout} keeps writing to
 * whatever started it; our daemon is a new process whose own stdio is {@code /dev/null}, so it opens its
 * parent's fd through {@code /proc} while that parent still waits for it, and names the kept fd by
 * {@code /proc/self/fd/N} from then on (reloads and log reopens included). Thread-safe.
 */
public final class ParentStdio {
    private static final Map<Integer, String> KEPT = new HashMap<>();

    private ParentStdio() {
    }

    /**
     * A path that writes where the parent's fd {@code which} (1 or 2) writes, or null when it cannot be opened.
     * The first call for a given fd must come while the parent is alive.
     */
    public static synchronized String path(int which) {
        String kept = KEPT.get(which);
        if (kept != null) {
            return kept;
        }
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L);
        if (parent <= 1) {
            return null; // reparented already: the process that started us is gone
        }
        try (Arena arena = Arena.ofConfined()) {
            int fd = Libc.open(CString.of(arena, "/proc/" + parent + "/fd/" + which),
                    Libc.O_WRONLY | Libc.O_APPEND | Libc.O_CLOEXEC, 0);
            if (fd < 0) {
                return null;
            }
            kept = "/proc/self/fd/" + fd;
            KEPT.put(which, kept);
            return kept;
        }
    }
}
