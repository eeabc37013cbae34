package jsupervisor.daemon.posix;

import static jsupervisor.daemon.posix.Ffm.C_INT;
import static jsupervisor.daemon.posix.Ffm.C_LONG;
import static jsupervisor.daemon.posix.Ffm.C_POINTER;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import jsupervisor.daemon.posix.Ffm.Downcall;

/**
 * Raw bindings to the C library's identity, umask, uname and resource-limit calls, under their C names.
 *
 * <p>Thread-safe (stateless). Functions marked "errno" take the capture segment implicitly and report
 * failures through {@link Ffm#errno()}; {@code getpw*_r} return an error number instead.
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

    private static final FunctionDescriptor UINT = FunctionDescriptor.of(C_INT);
    private static final FunctionDescriptor INT_INT = FunctionDescriptor.of(C_INT, C_INT);

    private static final Downcall GETPWNAM_R = Ffm.plain("getpwnam_r",
            FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER, C_LONG, C_POINTER));
    private static final Downcall GETPWUID_R = Ffm.plain("getpwuid_r",
            FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER, C_LONG, C_POINTER));
    private static final Downcall GETGROUPLIST = Ffm.plain("getgrouplist",
            FunctionDescriptor.of(C_INT, C_POINTER, C_INT, C_POINTER, C_POINTER));
    private static final Downcall GETUID = Ffm.plain("getuid", UINT);
    private static final Downcall GETEUID = Ffm.plain("geteuid", UINT);
    private static final Downcall GETGID = Ffm.plain("getgid", UINT);
    private static final Downcall SETGROUPS = Ffm.errno("setgroups", FunctionDescriptor.of(C_INT, C_LONG, C_POINTER));
    private static final Downcall SETGID = Ffm.errno("setgid", INT_INT);
    private static final Downcall SETUID = Ffm.errno("setuid", INT_INT);
    private static final Downcall UMASK = Ffm.plain("umask", INT_INT);
    private static final Downcall CHDIR = Ffm.errno("chdir", FunctionDescriptor.of(C_INT, C_POINTER));
    private static final Downcall UNAME = Ffm.errno("uname", FunctionDescriptor.of(C_INT, C_POINTER));
    private static final Downcall GETRLIMIT = Ffm.errno("getrlimit", FunctionDescriptor.of(C_INT, C_INT, C_POINTER));
    private static final Downcall SETRLIMIT = Ffm.errno("setrlimit", FunctionDescriptor.of(C_INT, C_INT, C_POINTER));

    private LibcUsers() {}

    static int getpwnam_r(MemorySegment name, MemorySegment pwd, MemorySegment buf, long len, MemorySegment result) {
        try {
            return (int) GETPWNAM_R.handle().invokeExact(name, pwd, buf, len, result);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int getpwuid_r(int uid, MemorySegment pwd, MemorySegment buf, long len, MemorySegment result) {
        try {
            return (int) GETPWUID_R.handle().invokeExact(uid, pwd, buf, len, result);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    /** Returns the group count, or -1 with {@code *ngroups} set to the needed size when the array is short. */
    static int getgrouplist(MemorySegment user, int group, MemorySegment groups, MemorySegment ngroups) {
        try {
            return (int) GETGROUPLIST.handle().invokeExact(user, group, groups, ngroups);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int getuid() {
        return callNoArgs(GETUID);
    }

    static int geteuid() {
        return callNoArgs(GETEUID);
    }

    static int getgid() {
        return callNoArgs(GETGID);
    }

    /** errno. */
    static int setgroups(long size, MemorySegment list) {
        try {
            return (int) SETGROUPS.handle().invokeExact(Ffm.capture(), size, list);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    /** errno. */
    static int setgid(int gid) {
        return callErrnoInt(SETGID, gid);
    }

    /** errno. */
    static int setuid(int uid) {
        return callErrnoInt(SETUID, uid);
    }

    static int umask(int mask) {
        try {
            return (int) UMASK.handle().invokeExact(mask);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    /** errno. */
    static int chdir(MemorySegment path) {
        try {
            return (int) CHDIR.handle().invokeExact(Ffm.capture(), path);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    /** errno. */
    static int uname(MemorySegment buf) {
        try {
            return (int) UNAME.handle().invokeExact(Ffm.capture(), buf);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    /** errno. */
    static int getrlimit(int resource, MemorySegment rlim) {
        try {
            return (int) GETRLIMIT.handle().invokeExact(Ffm.capture(), resource, rlim);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    /** errno. */
    static int setrlimit(int resource, MemorySegment rlim) {
        try {
            return (int) SETRLIMIT.handle().invokeExact(Ffm.capture(), resource, rlim);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    private static int callNoArgs(Downcall d) {
        try {
            return (int) d.handle().invokeExact();
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    private static int callErrnoInt(Downcall d, int arg) {
        try {
            return (int) d.handle().invokeExact(Ffm.capture(), arg);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }
}
