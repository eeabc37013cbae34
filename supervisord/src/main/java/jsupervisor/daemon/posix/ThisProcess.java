package jsupervisor.daemon.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Facts about, and settings of, the daemon's own process: pid, umask, host node name, and whether the
 * standard fds are terminals.
 *
 * <p>Stateless and thread-safe, but {@link #setUmask(int)} changes a process-wide value: call it from the
 * loop thread only (see {@link PosixSpawner}).
 */
public final class ThisProcess {
    private ThisProcess() {}

    /** getpid(2). */
    public static int pid() {
        return Libc.getpid();
    }

    /** Sets the umask and returns the previous one (umask(2) cannot fail). */
    public static int setUmask(int mask) {
        return LibcUsers.umask(mask);
    }

    /** The current umask. umask(2) can only be read by setting it, so this sets it back at once. */
    public static int umask() {
        int current = LibcUsers.umask(0022);
        LibcUsers.umask(current);
        return current;
    }

    /** uname(2)'s nodename, which Supervisor expands as {@code %(host_node_name)s}. */
    public static String nodeName() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment uts = arena.allocate(LibcUsers.UTSNAME_SIZE);
            if (LibcUsers.uname(uts) < 0) {
                throw new PosixException("uname", Ffm.errno(), "");
            }
            return uts.asSlice(LibcUsers.UTS_NODENAME, LibcUsers.UTS_FIELD_LENGTH).getString(0);
        }
    }

    /**
     * chdir(2) of the whole process (the JVM's {@code user.dir} is not updated: the daemon resolves every path
     * before it calls this, when daemonizing).
     */
    public static void chdir(String directory) {
        try (Arena arena = Arena.ofConfined()) {
            if (LibcUsers.chdir(CString.of(arena, directory)) < 0) {
                throw new PosixException("chdir", Ffm.errno(), directory);
            }
        }
    }

    /** isatty(fd) for a raw fd number such as 0, 1 or 2. */
    public static boolean isTerminal(int fd) {
        return Libc.isatty(fd) == 1;
    }
}
