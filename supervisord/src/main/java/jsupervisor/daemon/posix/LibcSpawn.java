package jsupervisor.daemon.posix;

import static jsupervisor.daemon.posix.Ffm.C_INT;
import static jsupervisor.daemon.posix.Ffm.C_POINTER;
import static jsupervisor.daemon.posix.Ffm.C_SHORT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import jsupervisor.daemon.posix.Ffm.Downcall;

/**
 * Raw bindings to glibc's posix_spawn family, under their C names.
 *
 * <p>Thread-safe (stateless). All of these return an error number (0 on success) and leave errno alone,
 * as POSIX specifies, so none captures errno. {@code addchdir_np} needs glibc 2.29 and {@code addclosefrom_np}
 * glibc 2.34; {@link #hasAddClosefrom()} tells whether the latter exists.
 */
final class LibcSpawn {
    /** Sizes on glibc for both x86-64 and aarch64 (bits/types of spawn.h: flags, pgrp, 2 sigsets, ...). */
    static final long POSIX_SPAWNATTR_T_SIZE = 336;
    static final long POSIX_SPAWN_FILE_ACTIONS_T_SIZE = 80;
    static final long SIGSET_T_SIZE = 128;

    static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    /** glibc 2.26+: the child calls setsid(), so it leads a new session and process group (pgid = sid = pid). */
    static final short POSIX_SPAWN_SETSID = 0x80;

    private static final FunctionDescriptor INT_PTR = FunctionDescriptor.of(C_INT, C_POINTER);

    private static final Downcall SPAWN = Ffm.plain("posix_spawn",
            FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER, C_POINTER, C_POINTER, C_POINTER));
    private static final Downcall ATTR_INIT = Ffm.plain("posix_spawnattr_init", INT_PTR);
    private static final Downcall ATTR_DESTROY = Ffm.plain("posix_spawnattr_destroy", INT_PTR);
    private static final Downcall ATTR_SETFLAGS =
            Ffm.plain("posix_spawnattr_setflags", FunctionDescriptor.of(C_INT, C_POINTER, C_SHORT));
    private static final Downcall ATTR_SETSIGMASK =
            Ffm.plain("posix_spawnattr_setsigmask", FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER));
    private static final Downcall ATTR_SETSIGDEFAULT =
            Ffm.plain("posix_spawnattr_setsigdefault", FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER));
    private static final Downcall FA_INIT = Ffm.plain("posix_spawn_file_actions_init", INT_PTR);
    private static final Downcall FA_DESTROY = Ffm.plain("posix_spawn_file_actions_destroy", INT_PTR);
    private static final Downcall FA_ADDDUP2 = Ffm.plain("posix_spawn_file_actions_adddup2",
            FunctionDescriptor.of(C_INT, C_POINTER, C_INT, C_INT));
    private static final Downcall FA_ADDCLOSE = Ffm.plain("posix_spawn_file_actions_addclose",
            FunctionDescriptor.of(C_INT, C_POINTER, C_INT));
    private static final Downcall FA_ADDCHDIR = Ffm.plain("posix_spawn_file_actions_addchdir_np",
            FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER));
    private static final Downcall FA_ADDOPEN = Ffm.plain("posix_spawn_file_actions_addopen",
            FunctionDescriptor.of(C_INT, C_POINTER, C_INT, C_POINTER, C_INT, C_INT));
    private static final Downcall FA_ADDCLOSEFROM = Ffm.plain("posix_spawn_file_actions_addclosefrom_np",
            FunctionDescriptor.of(C_INT, C_POINTER, C_INT));

    private LibcSpawn() {}

    static boolean hasAddClosefrom() {
        return Ffm.hasSymbol(FA_ADDCLOSEFROM.name());
    }

    static int posix_spawn(MemorySegment pid, MemorySegment path, MemorySegment fileActions, MemorySegment attr,
            MemorySegment argv, MemorySegment envp) {
        try {
            return (int) SPAWN.handle().invokeExact(pid, path, fileActions, attr, argv, envp);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int posix_spawnattr_init(MemorySegment attr) {
        return callPtr(ATTR_INIT, attr);
    }

    static int posix_spawnattr_destroy(MemorySegment attr) {
        return callPtr(ATTR_DESTROY, attr);
    }

    static int posix_spawnattr_setflags(MemorySegment attr, short flags) {
        try {
            return (int) ATTR_SETFLAGS.handle().invokeExact(attr, flags);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int posix_spawnattr_setsigmask(MemorySegment attr, MemorySegment sigset) {
        return callPtrPtr(ATTR_SETSIGMASK, attr, sigset);
    }

    static int posix_spawnattr_setsigdefault(MemorySegment attr, MemorySegment sigset) {
        return callPtrPtr(ATTR_SETSIGDEFAULT, attr, sigset);
    }

    static int posix_spawn_file_actions_init(MemorySegment actions) {
        return callPtr(FA_INIT, actions);
    }

    static int posix_spawn_file_actions_destroy(MemorySegment actions) {
        return callPtr(FA_DESTROY, actions);
    }

    static int posix_spawn_file_actions_adddup2(MemorySegment actions, int fd, int newfd) {
        try {
            return (int) FA_ADDDUP2.handle().invokeExact(actions, fd, newfd);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int posix_spawn_file_actions_addclose(MemorySegment actions, int fd) {
        return callPtrInt(FA_ADDCLOSE, actions, fd);
    }

    static int posix_spawn_file_actions_addopen(MemorySegment actions, int fd, MemorySegment path, int flags,
            int mode) {
        try {
            return (int) FA_ADDOPEN.handle().invokeExact(actions, fd, path, flags, mode);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int posix_spawn_file_actions_addchdir_np(MemorySegment actions, MemorySegment path) {
        return callPtrPtr(FA_ADDCHDIR, actions, path);
    }

    static int posix_spawn_file_actions_addclosefrom_np(MemorySegment actions, int from) {
        return callPtrInt(FA_ADDCLOSEFROM, actions, from);
    }

    private static int callPtr(Downcall d, MemorySegment a) {
        try {
            return (int) d.handle().invokeExact(a);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    private static int callPtrPtr(Downcall d, MemorySegment a, MemorySegment b) {
        try {
            return (int) d.handle().invokeExact(a, b);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    private static int callPtrInt(Downcall d, MemorySegment a, int b) {
        try {
            return (int) d.handle().invokeExact(a, b);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }
}
