package jsupervisor.daemon.posix;

import static jsupervisor.daemon.posix.Ffm.address;

import java.lang.foreign.MemorySegment;
import jsupervisor.daemon.posix.Ffm.Function;

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

    private static final Function CLOSE = Ffm.function("close");
    private static final Function READ = Ffm.function("read");
    private static final Function WRITE = Ffm.function("write");
    private static final Function PIPE2 = Ffm.function("pipe2");
    private static final Function OPEN = Ffm.function("open");
    private static final Function FCNTL = Ffm.function("fcntl");
    private static final Function EPOLL_CREATE1 = Ffm.function("epoll_create1");
    private static final Function EPOLL_CTL = Ffm.function("epoll_ctl");
    private static final Function EPOLL_WAIT = Ffm.function("epoll_wait");
    private static final Function EVENTFD = Ffm.function("eventfd");
    private static final Function SIGNALFD = Ffm.function("signalfd");
    private static final Function SIGEMPTYSET = Ffm.function("sigemptyset");
    private static final Function SIGFILLSET = Ffm.function("sigfillset");
    private static final Function SIGADDSET = Ffm.function("sigaddset");
    private static final Function SIGISMEMBER = Ffm.function("sigismember");
    private static final Function PTHREAD_SIGMASK = Ffm.function("pthread_sigmask");
    private static final Function SIGNAL = Ffm.function("signal");
    private static final Function SIGACTION = Ffm.function("sigaction");
    private static final Function RAISE = Ffm.function("raise");
    private static final Function KILL = Ffm.function("kill");
    private static final Function SYSCALL = Ffm.function("syscall");
    private static final Function WAITID = Ffm.function("waitid");
    private static final Function ISATTY = Ffm.function("isatty");
    private static final Function CHMOD = Ffm.function("chmod");
    private static final Function CHOWN = Ffm.function("chown");
    private static final Function UNLINK = Ffm.function("unlink");
    private static final Function LINK = Ffm.function("link");
    private static final Function GETPID = Ffm.function("getpid");

    private Libc() {}

    static int close(int fd) {
        return (int) Ffm.call(CLOSE, fd);
    }

    static long read(int fd, MemorySegment buf, long count) {
        return Ffm.call(READ, fd, address(buf), count);
    }

    static long write(int fd, MemorySegment buf, long count) {
        return Ffm.call(WRITE, fd, address(buf), count);
    }

    static int pipe2(MemorySegment fds, int flags) {
        return (int) Ffm.call(PIPE2, address(fds), flags);
    }

    static int open(MemorySegment path, int flags, int mode) {
        return (int) Ffm.callVariadic(OPEN, 2, address(path), flags, mode);
    }

    static int fcntl(int fd, int cmd, int arg) {
        return (int) Ffm.callVariadic(FCNTL, 2, fd, cmd, arg);
    }

    static int epoll_create1(int flags) {
        return (int) Ffm.call(EPOLL_CREATE1, flags);
    }

    static int epoll_ctl(int epfd, int op, int fd, MemorySegment event) {
        return (int) Ffm.call(EPOLL_CTL, epfd, op, fd, address(event));
    }

    static int epoll_wait(int epfd, MemorySegment events, int maxevents, int timeout) {
        return (int) Ffm.call(EPOLL_WAIT, epfd, address(events), maxevents, timeout);
    }

    static int eventfd(int initval, int flags) {
        return (int) Ffm.call(EVENTFD, initval, flags);
    }

    static int signalfd(int fd, MemorySegment mask, int flags) {
        return (int) Ffm.call(SIGNALFD, fd, address(mask), flags);
    }

    static int sigemptyset(MemorySegment set) {
        return (int) Ffm.call(SIGEMPTYSET, address(set));
    }

    static int sigfillset(MemorySegment set) {
        return (int) Ffm.call(SIGFILLSET, address(set));
    }

    static int sigaddset(MemorySegment set, int signo) {
        return (int) Ffm.call(SIGADDSET, address(set), signo);
    }

    static int sigismember(MemorySegment set, int signo) {
        return (int) Ffm.call(SIGISMEMBER, address(set), signo);
    }

    /** Returns an error number (0 on success); it does not set errno. */
    static int pthread_sigmask(int how, MemorySegment set, MemorySegment oldset) {
        return (int) Ffm.call(PTHREAD_SIGMASK, how, address(set), address(oldset));
    }

    static MemorySegment signal(int signo, MemorySegment handler) {
        return MemorySegment.ofAddress(Ffm.call(SIGNAL, signo, address(handler)));
    }

    /** Used only to query: {@code act} is always NULL here, so the struct layout matters only for reading. */
    static int sigaction(int signo, MemorySegment act, MemorySegment oldact) {
        return (int) Ffm.call(SIGACTION, signo, address(act), address(oldact));
    }

    static int raise(int signo) {
        return (int) Ffm.call(RAISE, signo);
    }

    static int kill(int pid, int signo) {
        return (int) Ffm.call(KILL, pid, signo);
    }

    /** syscall(2) with two arguments, used for calls older glibc lacks a wrapper for (pidfd_open). */
    static long syscall(long number, long arg1, long arg2) {
        return Ffm.callVariadic(SYSCALL, 1, number, arg1, arg2);
    }

    static int waitid(int idtype, int id, MemorySegment siginfo, int options) {
        return (int) Ffm.call(WAITID, idtype, id, address(siginfo), options);
    }

    static int isatty(int fd) {
        return (int) Ffm.call(ISATTY, fd);
    }

    static int chmod(MemorySegment path, int mode) {
        return (int) Ffm.call(CHMOD, address(path), mode);
    }

    static int chown(MemorySegment path, int uid, int gid) {
        return (int) Ffm.call(CHOWN, address(path), uid, gid);
    }

    static int unlink(MemorySegment path) {
        return (int) Ffm.call(UNLINK, address(path));
    }

    static int link(MemorySegment oldpath, MemorySegment newpath) {
        return (int) Ffm.call(LINK, address(oldpath), address(newpath));
    }

    static int getpid() {
        return (int) Ffm.call(GETPID);
    }
}
