package jsupervisor.daemon.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * User and group lookups (passwd database) and this process's identity, including dropping privileges.
 *
 * <p>Stateless and thread-safe. The set* calls change the identity of every JVM thread: glibc broadcasts
 * setxid to all threads (DESIGN.md), so they are meant for start-up, before any child is spawned.
 */
public final class Users {
    /** One passwd entry: what Supervisor needs for {@code user=} and {@code %(ENV_HOME)s}-style lookups. */
    public record Passwd(String name, int uid, int gid, String home, String shell) {}

    private static final long INITIAL_BUFFER = 1024;
    private static final long MAX_BUFFER = 1 << 20;

    private Users() {}

    /** Looks a user up by name; empty if unknown. */
    public static Optional<Passwd> byName(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cname = CString.of(arena, name);
            return lookup((pwd, buf, len, result) -> LibcUsers.getpwnam_r(cname, pwd, buf, len, result),
                    "getpwnam_r", "name=" + name);
        }
    }

    /** Looks a user up by uid; empty if unknown. */
    public static Optional<Passwd> byUid(int uid) {
        return lookup((pwd, buf, len, result) -> LibcUsers.getpwuid_r(uid, pwd, buf, len, result),
                "getpwuid_r", "uid=" + uid);
    }

    private interface PasswdCall {
        int call(MemorySegment pwd, MemorySegment buf, long len, MemorySegment result);
    }

    private static Optional<Passwd> lookup(PasswdCall call, String cName, String what) {
        // getpw*_r wants a caller-sized string buffer and reports ERANGE when it is too small. "Not found" is
        // a return of 0 with a NULL result; glibc may also report ENOENT/ESRCH for it on some NSS backends.
        for (long size = INITIAL_BUFFER; size <= MAX_BUFFER; size *= 4) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment pwd = arena.allocate(LibcUsers.PASSWD_SIZE, 8);
                MemorySegment buf = arena.allocate(size);
                MemorySegment result = arena.allocate(ValueLayout.ADDRESS);
                int error = call.call(pwd, buf, size, result);
                if (error == Errno.ERANGE) {
                    continue;
                }
                if (error == Errno.ENOENT || error == Errno.ESRCH) {
                    return Optional.empty();
                }
                if (error != 0) {
                    throw new PosixException(cName, error, what);
                }
                if (result.get(ValueLayout.ADDRESS, 0).equals(MemorySegment.NULL)) {
                    return Optional.empty();
                }
                return Optional.of(new Passwd(string(pwd, LibcUsers.PW_NAME),
                        pwd.get(ValueLayout.JAVA_INT, LibcUsers.PW_UID), pwd.get(ValueLayout.JAVA_INT, LibcUsers.PW_GID),
                        string(pwd, LibcUsers.PW_DIR), string(pwd, LibcUsers.PW_SHELL)));
            }
        }
        throw new PosixException(cName, Errno.ERANGE, what);
    }

    private static String string(MemorySegment struct, long offset) {
        MemorySegment p = struct.get(Ffm.C_POINTER, offset);
        return p.equals(MemorySegment.NULL) ? "" : p.getString(0);
    }

    /**
     * The user's groups as initgroups(3) would set them: {@code primaryGid} first, then every group listing
     * the user (Supervisor's setgroups list in REFERENCE.md §3.10).
     */
    public static List<Integer> groupList(String user, int primaryGid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cname = CString.of(arena, user);
            MemorySegment count = arena.allocate(ValueLayout.JAVA_INT);
            int capacity = 32;
            while (true) {
                MemorySegment groups = arena.allocate(ValueLayout.JAVA_INT, capacity);
                count.set(ValueLayout.JAVA_INT, 0, capacity);
                int n = LibcUsers.getgrouplist(cname, primaryGid, groups, count);
                if (n >= 0) {
                    List<Integer> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        list.add(groups.getAtIndex(ValueLayout.JAVA_INT, i));
                    }
                    return list;
                }
                // -1: too small, and *ngroups now holds the size needed.
                capacity = Math.max(capacity * 2, count.get(ValueLayout.JAVA_INT, 0));
            }
        }
    }

    /** getuid(2). */
    public static int uid() {
        return LibcUsers.getuid();
    }

    /** geteuid(2): 0 when supervisord runs as root. */
    public static int effectiveUid() {
        return LibcUsers.geteuid();
    }

    /** getgid(2). */
    public static int gid() {
        return LibcUsers.getgid();
    }

    /** setgroups(2); EPERM unless root. */
    public static void setGroups(List<Integer> gids) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment list = arena.allocate(ValueLayout.JAVA_INT, Math.max(1, gids.size()));
            for (int i = 0; i < gids.size(); i++) {
                list.setAtIndex(ValueLayout.JAVA_INT, i, gids.get(i));
            }
            if (LibcUsers.setgroups(gids.size(), list) < 0) {
                throw new PosixException("setgroups", Ffm.errno(), "groups=" + gids);
            }
        }
    }

    /** setgid(2). */
    public static void setGid(int gid) {
        if (LibcUsers.setgid(gid) < 0) {
            throw new PosixException("setgid", Ffm.errno(), "gid=" + gid);
        }
    }

    /** setuid(2). */
    public static void setUid(int uid) {
        if (LibcUsers.setuid(uid) < 0) {
            throw new PosixException("setuid", Ffm.errno(), "uid=" + uid);
        }
    }
}
