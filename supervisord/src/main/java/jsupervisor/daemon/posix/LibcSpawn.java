package jsupervisor.daemon.posix;

import static jsupervisor.daemon.posix.Ffm.address;

import java.lang.foreign.MemorySegment;
import jsupervisor.daemon.posix.Ffm.Function;

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

    private static final Function SPAWN = Ffm.function("posix_spawn");
    private static final Function ATTR_INIT = Ffm.function("posix_spawnattr_init");
    private static final Function ATTR_DESTROY = Ffm.function("posix_spawnattr_destroy");
    private static final Function ATTR_SETFLAGS = Ffm.function("posix_spawnattr_setflags");
    private static final Function ATTR_SETSIGMASK = Ffm.function("posix_spawnattr_setsigmask");
    private static final Function ATTR_SETSIGDEFAULT = Ffm.function("posix_spawnattr_setsigdefault");
    private static final Function FA_INIT = Ffm.function("posix_spawn_file_actions_init");
    private static final Function FA_DESTROY = Ffm.function("posix_spawn_file_actions_destroy");
    private static final Function FA_ADDDUP2 = Ffm.function("posix_spawn_file_actions_adddup2");
    private static final Function FA_ADDCLOSE = Ffm.function("posix_spawn_file_actions_addclose");
    private static final Function FA_ADDCHDIR = Ffm.function("posix_spawn_file_actions_addchdir_np");
    private static final Function FA_ADDOPEN = Ffm.function("posix_spawn_file_actions_addopen");
    private static final Function FA_ADDCLOSEFROM = Ffm.function("posix_spawn_file_actions_addclosefrom_np");

    private LibcSpawn() {}

    static boolean hasAddClosefrom() {
        return Ffm.hasSymbol(FA_ADDCLOSEFROM.name());
    }

    static int posix_spawn(MemorySegment pid, MemorySegment path, MemorySegment fileActions, MemorySegment attr,
            MemorySegment argv, MemorySegment envp) {
        return (int) Ffm.call(SPAWN, address(pid), address(path), address(fileActions), address(attr),
                address(argv), address(envp));
    }

    static int posix_spawnattr_init(MemorySegment attr) {
        return (int) Ffm.call(ATTR_INIT, address(attr));
    }

    static int posix_spawnattr_destroy(MemorySegment attr) {
        return (int) Ffm.call(ATTR_DESTROY, address(attr));
    }

    static int posix_spawnattr_setflags(MemorySegment attr, short flags) {
        return (int) Ffm.call(ATTR_SETFLAGS, address(attr), flags);
    }

    static int posix_spawnattr_setsigmask(MemorySegment attr, MemorySegment sigset) {
        return (int) Ffm.call(ATTR_SETSIGMASK, address(attr), address(sigset));
    }

    static int posix_spawnattr_setsigdefault(MemorySegment attr, MemorySegment sigset) {
        return (int) Ffm.call(ATTR_SETSIGDEFAULT, address(attr), address(sigset));
    }

    static int posix_spawn_file_actions_init(MemorySegment actions) {
        return (int) Ffm.call(FA_INIT, address(actions));
    }

    static int posix_spawn_file_actions_destroy(MemorySegment actions) {
        return (int) Ffm.call(FA_DESTROY, address(actions));
    }

    static int posix_spawn_file_actions_adddup2(MemorySegment actions, int fd, int newfd) {
        return (int) Ffm.call(FA_ADDDUP2, address(actions), fd, newfd);
    }

    static int posix_spawn_file_actions_addclose(MemorySegment actions, int fd) {
        return (int) Ffm.call(FA_ADDCLOSE, address(actions), fd);
    }

    static int posix_spawn_file_actions_addopen(MemorySegment actions, int fd, MemorySegment path, int flags,
            int mode) {
        return (int) Ffm.call(FA_ADDOPEN, address(actions), fd, address(path), flags, mode);
    }

    static int posix_spawn_file_actions_addchdir_np(MemorySegment actions, MemorySegment path) {
        return (int) Ffm.call(FA_ADDCHDIR, address(actions), address(path));
    }

    static int posix_spawn_file_actions_addclosefrom_np(MemorySegment actions, int from) {
        return (int) Ffm.call(FA_ADDCLOSEFROM, address(actions), from);
    }
}
