package jsupervisor.daemon.posix;

import static jsupervisor.daemon.posix.Ffm.C_INT;
import static jsupervisor.daemon.posix.Ffm.C_LONG;
import static jsupervisor.daemon.posix.Ffm.C_POINTER;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import jsupervisor.daemon.posix.Ffm.Downcall;

/**
 * Raw bindings to the C library's file-descriptor, epoll, signal and wait calls, under their C names.
 *
 * <p>Thread-safe (stateless). Each method returns what C returns; on failure read {@link Ffm#errno()} on the
 * same thread straight away. Deciding which errnos are expected is the callers' job. Spawn calls live in
 * {@link LibcSpawn} and identity/limit calls in {@link LibcUsers}, only to keep files readable.
 */
final class Libc {
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_RDWR = 2;
    static final int O_APPEND = 0x400;
    // O_NONBLOCK and O_CLOEXEC share these values on x86-64 and aarch64 (asm-generic/fcntl.h).
    static final int O_NONBLOCK = 0x800;
    static final int O_CLOEXEC = 0x80000;
    static final int F_GETFD = 1;
    static final int F_GETFL = 3;
    static final int F_SETFL = 4;
    static final int FD_CLOEXEC = 1;
    // Linux pipe capacity (F_LINUX_SPECIFIC_BASE 1024 + 7 / + 8), the same on every architecture.
    static final int F_SETPIPE_SZ = 1031;
    static final int F_GETPIPE_SZ = 1032;

    // waitid(2): idtype_t values and options (bits/waitflags.h, linux/wait.h).
    static final int P_ALL = 0;
    static final int P_PID = 1;
    static final int P_PIDFD = 3;
    static final int WNOHANG = 1;
    static final int WEXITED = 4;
    static final int WNOWAIT = 0x01000000;

    private static final FunctionDescriptor INT_INT = FunctionDescriptor.of(C_INT, C_INT);
    private static final FunctionDescriptor INT_PTR = FunctionDescriptor.of(C_INT, C_POINTER);

    private static final Downcall CLOSE = Ffm.errno("close", INT_INT);
    private static final Downcall READ = Ffm.errno("read", FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG));
    private static final Downcall WRITE = Ffm.errno("write", FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG));
    private static final Downcall PIPE2 = Ffm.errno("pipe2", FunctionDescriptor.of(C_INT, C_POINTER, C_INT));
    private static final Downcall OPEN =
            Ffm.errnoVariadic("open", FunctionDescriptor.of(C_INT, C_POINTER, C_INT, C_INT), 2);
    private static final Downcall FCNTL =
            Ffm.errnoVariadic("fcntl", FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT), 2);
    private static final Downcall EPOLL_CREATE1 = Ffm.errno("epoll_create1", INT_INT);
    private static final Downcall EPOLL_CTL =
            Ffm.errno("epoll_ctl", FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT, C_POINTER));
    private static final Downcall EPOLL_WAIT =
            Ffm.errno("epoll_wait", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT, C_INT));
    private static final Downcall EVENTFD = Ffm.errno("eventfd", FunctionDescriptor.of(C_INT, C_INT, C_INT));
    private static final Downcall SIGNALFD =
            Ffm.errno("signalfd", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT));
    private static final Downcall SIGEMPTYSET = Ffm.plain("sigemptyset", INT_PTR);
    private static final Downcall SIGFILLSET = Ffm.plain("sigfillset", INT_PTR);
    private static final Downcall SIGADDSET = Ffm.plain("sigaddset", FunctionDescriptor.of(C_INT, C_POINTER, C_INT));
    private static final Downcall SIGISMEMBER =
            Ffm.plain("sigismember", FunctionDescriptor.of(C_INT, C_POINTER, C_INT));
    private static final Downcall PTHREAD_SIGMASK =
            Ffm.plain("pthread_sigmask", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER));
    private static final Downcall SIGNAL =
            Ffm.errno("signal", FunctionDescriptor.of(ValueLayout.ADDRESS, C_INT, ValueLayout.ADDRESS));
    private static final Downcall SIGACTION =
            Ffm.errno("sigaction", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER));
    private static final Downcall RAISE = Ffm.errno("raise", INT_INT);
    private static final Downcall KILL = Ffm.errno("kill", FunctionDescriptor.of(C_INT, C_INT, C_INT));
    private static final Downcall SYSCALL2 =
            Ffm.errnoVariadic("syscall", FunctionDescriptor.of(C_LONG, C_LONG, C_LONG, C_LONG), 1);
    private static final Downcall WAITID =
            Ffm.errno("waitid", FunctionDescriptor.of(C_INT, C_INT, C_INT, C_POINTER, C_INT));
    private static final Downcall ISATTY = Ffm.errno("isatty", INT_INT);
    private static final Downcall CHMOD = Ffm.errno("chmod", FunctionDescriptor.of(C_INT, C_POINTER, C_INT));
    private static final Downcall CHOWN = Ffm.errno("chown", FunctionDescriptor.of(C_INT, C_POINTER, C_INT, C_INT));
    private static final Downcall UNLINK = Ffm.errno("unlink", INT_PTR);
    private static final Downcall LINK = Ffm.errno("link", FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER));
    private static final Downcall GETPID = Ffm.plain("getpid", FunctionDescriptor.of(C_INT));

    private Libc() {}

    static int close(int fd) {
        try {
            return (int) CLOSE.handle().invokeExact(Ffm.capture(), fd);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static long read(int fd, MemorySegment buf, long count) {
        try {
            return (long) READ.handle().invokeExact(Ffm.capture(), fd, buf, count);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static long write(int fd, MemorySegment buf, long count) {
        try {
            return (long) WRITE.handle().invokeExact(Ffm.capture(), fd, buf, count);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int pipe2(MemorySegment fds, int flags) {
        try {
            return (int) PIPE2.handle().invokeExact(Ffm.capture(), fds, flags);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int open(MemorySegment path, int flags, int mode) {
        try {
            return (int) OPEN.handle().invokeExact(Ffm.capture(), path, flags, mode);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int fcntl(int fd, int cmd, int arg) {
        try {
            return (int) FCNTL.handle().invokeExact(Ffm.capture(), fd, cmd, arg);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int epoll_create1(int flags) {
        try {
            return (int) EPOLL_CREATE1.handle().invokeExact(Ffm.capture(), flags);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int epoll_ctl(int epfd, int op, int fd, MemorySegment event) {
        try {
            return (int) EPOLL_CTL.handle().invokeExact(Ffm.capture(), epfd, op, fd, event);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int epoll_wait(int epfd, MemorySegment events, int maxevents, int timeout) {
        try {
            return (int) EPOLL_WAIT.handle().invokeExact(Ffm.capture(), epfd, events, maxevents, timeout);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int eventfd(int initval, int flags) {
        try {
            return (int) EVENTFD.handle().invokeExact(Ffm.capture(), initval, flags);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int signalfd(int fd, MemorySegment mask, int flags) {
        try {
            return (int) SIGNALFD.handle().invokeExact(Ffm.capture(), fd, mask, flags);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int sigemptyset(MemorySegment set) {
        try {
            return (int) SIGEMPTYSET.handle().invokeExact(set);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int sigfillset(MemorySegment set) {
        try {
            return (int) SIGFILLSET.handle().invokeExact(set);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int sigaddset(MemorySegment set, int signo) {
        try {
            return (int) SIGADDSET.handle().invokeExact(set, signo);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int sigismember(MemorySegment set, int signo) {
        try {
            return (int) SIGISMEMBER.handle().invokeExact(set, signo);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    /** Returns an error number (0 on success); it does not set errno. */
    static int pthread_sigmask(int how, MemorySegment set, MemorySegment oldset) {
        try {
            return (int) PTHREAD_SIGMASK.handle().invokeExact(how, set, oldset);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static MemorySegment signal(int signo, MemorySegment handler) {
        try {
            return (MemorySegment) SIGNAL.handle().invokeExact(Ffm.capture(), signo, handler);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    /** Used only to query: {@code act} is always NULL here, so the struct layout matters only for reading. */
    static int sigaction(int signo, MemorySegment act, MemorySegment oldact) {
        try {
            return (int) SIGACTION.handle().invokeExact(Ffm.capture(), signo, act, oldact);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int raise(int signo) {
        try {
            return (int) RAISE.handle().invokeExact(Ffm.capture(), signo);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int kill(int pid, int signo) {
        try {
            return (int) KILL.handle().invokeExact(Ffm.capture(), pid, signo);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    /** syscall(2) with two arguments, used for calls older glibc lacks a wrapper for (pidfd_open). */
    static long syscall(long number, long arg1, long arg2) {
        try {
            return (long) SYSCALL2.handle().invokeExact(Ffm.capture(), number, arg1, arg2);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int waitid(int idtype, int id, MemorySegment siginfo, int options) {
        try {
            return (int) WAITID.handle().invokeExact(Ffm.capture(), idtype, id, siginfo, options);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int isatty(int fd) {
        try {
            return (int) ISATTY.handle().invokeExact(Ffm.capture(), fd);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int chmod(MemorySegment path, int mode) {
        try {
            return (int) CHMOD.handle().invokeExact(Ffm.capture(), path, mode);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int chown(MemorySegment path, int uid, int gid) {
        try {
            return (int) CHOWN.handle().invokeExact(Ffm.capture(), path, uid, gid);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int unlink(MemorySegment path) {
        try {
            return (int) UNLINK.handle().invokeExact(Ffm.capture(), path);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int link(MemorySegment oldpath, MemorySegment newpath) {
        try {
            return (int) LINK.handle().invokeExact(Ffm.capture(), oldpath, newpath);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    static int getpid() {
        try {
            return (int) GETPID.handle().invokeExact();
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }
}
