package jsupervisor.daemon.posix;

import static jsupervisor.daemon.posix.Ffm.address;

import java.lang.foreign.MemorySegment;
import jsupervisor.daemon.posix.Ffm.Function;

/**
 * Raw bindings to the C library's identity, umask, uname and resource-limit calls, under their C names.
 *
 * <p>Thread-safe (stateless). Functions marked "errno" report failures through {@link Ffm#errno()};
 * {@code getpw*_r} return an error number instead.
 */
final class LibcUsers {
    /** struct passwd on LP64 glibc: name@0, passwd@8, uid@16, gid@20, gecos@24, dir@32, shell@40; 48 bytes. */
    static final long PASSWD_SIZE = 48;
    static final long PW_NAME = 0;
    static final long PW_UID = 16;
    static final long PW_GID = 20;
    static final long PW_DIR = 32;
    static final long PW_SHELL = 40;
    /** struct utsname: six char[65] fields; nodename is the second. */
    static final long UTSNAME_SIZE = 390;
    static final long UTS_NODENAME = 65;
    static final long UTS_FIELD_LENGTH = 65;
    /** struct rlimit {rlim_t rlim_cur, rlim_max}: two unsigned 64-bit values. */
    static final long RLIMIT_SIZE = 16;

    private static final Function GETPWNAM_R = Ffm.function("getpwnam_r");
    private static final Function GETPWUID_R = Ffm.function("getpwuid_r");
    private static final Function GETGROUPLIST = Ffm.function("getgrouplist");
    private static final Function GETUID = Ffm.function("getuid");
    private static final Function GETEUID = Ffm.function("geteuid");
    private static final Function GETGID = Ffm.function("getgid");
    private static final Function SETGROUPS = Ffm.function("setgroups");
    private static final Function SETGID = Ffm.function("setgid");
    private static final Function SETUID = Ffm.function("setuid");
    private static final Function UMASK = Ffm.function("umask");
    private static final Function CHDIR = Ffm.function("chdir");
    private static final Function UNAME = Ffm.function("uname");
    private static final Function GETRLIMIT = Ffm.function("getrlimit");
    private static final Function SETRLIMIT = Ffm.function("setrlimit");

    private LibcUsers() {}

    static int getpwnam_r(MemorySegment name, MemorySegment pwd, MemorySegment buf, long len, MemorySegment result) {
        return (int) Ffm.call(GETPWNAM_R, address(name), address(pwd), address(buf), len, address(result));
    }

    static int getpwuid_r(int uid, MemorySegment pwd, MemorySegment buf, long len, MemorySegment result) {
        return (int) Ffm.call(GETPWUID_R, uid, address(pwd), address(buf), len, address(result));
    }

    /** Returns the group count, or -1 with {@code *ngroups} set to the needed size when the array is short. */
    static int getgrouplist(MemorySegment user, int group, MemorySegment groups, MemorySegment ngroups) {
        return (int) Ffm.call(GETGROUPLIST, address(user), group, address(groups), address(ngroups));
    }

    static int getuid() {
        return (int) Ffm.call(GETUID);
    }

    static int geteuid() {
        return (int) Ffm.call(GETEUID);
    }

    static int getgid() {
        return (int) Ffm.call(GETGID);
    }

    /** errno. */
    static int setgroups(long size, MemorySegment list) {
        return (int) Ffm.call(SETGROUPS, size, address(list));
    }

    /** errno. */
    static int setgid(int gid) {
        return (int) Ffm.call(SETGID, gid);
    }

    /** errno. */
    static int setuid(int uid) {
        return (int) Ffm.call(SETUID, uid);
    }

    static int umask(int mask) {
        return (int) Ffm.call(UMASK, mask);
    }

    /** errno. */
    static int chdir(MemorySegment path) {
        return (int) Ffm.call(CHDIR, address(path));
    }

    /** errno. */
    static int uname(MemorySegment buf) {
        return (int) Ffm.call(UNAME, address(buf));
    }

    /** errno. */
    static int getrlimit(int resource, MemorySegment rlim) {
        return (int) Ffm.call(GETRLIMIT, resource, address(rlim));
    }

    /** errno. */
    static int setrlimit(int resource, MemorySegment rlim) {
        return (int) Ffm.call(SETRLIMIT, resource, address(rlim));
    }
}
