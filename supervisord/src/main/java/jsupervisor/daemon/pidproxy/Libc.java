package jsupervisor.daemon.pidproxy;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The few glibc calls pidproxy makes, with errno captured, under their C names.
 *
 * <p>pidproxy is a stand-alone program and does not link the daemon's {@code posix} layer; this is
 * its own minimal copy of the same pattern (jsupervisor.daemon.posix.Ffm/Libc), to be folded into that
 * layer once both live on one branch. Stateless and thread-safe. Each call returns the C result; a
 * negative result comes with {@link Result#errno()}.
 */
final class Libc {
    /** pthread_sigmask {@code how} values; the same on x86-64 and aarch64 (asm-generic). */
    static final int SIG_BLOCK = 0;
    static final int SIG_UNBLOCK = 1;
    /** SFD_CLOEXEC == O_CLOEXEC, 02000000 on x86-64 and aarch64. */
    static final int SFD_CLOEXEC = 02000000;
    /** glibc's sigset_t is 1024 bits on x86-64 and aarch64; the sig*set calls hide its layout. */
    static final long SIGSET_T_SIZE = 128;
    /** struct signalfd_siginfo is 128 bytes on every architecture; ssi_signo (u32) is at offset 0. */
    static final long SIGNALFD_SIGINFO_SIZE = 128;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final AddressLayout ADDR = ValueLayout.ADDRESS;

    private static final MethodHandle KILL = errnoHandle("kill", FunctionDescriptor.of(INT, INT, INT));
    private static final MethodHandle SIGEMPTYSET = plainHandle("sigemptyset", FunctionDescriptor.of(INT, ADDR));
    private static final MethodHandle SIGADDSET = plainHandle("sigaddset", FunctionDescriptor.of(INT, ADDR, INT));
    private static final MethodHandle SIGISMEMBER = plainHandle("sigismember", FunctionDescriptor.of(INT, ADDR, INT));
    // pthread_sigmask returns the error number itself instead of setting errno.
    private static final MethodHandle PTHREAD_SIGMASK =
            plainHandle("pthread_sigmask", FunctionDescriptor.of(INT, INT, ADDR, ADDR));
    private static final MethodHandle SIGNALFD = errnoHandle("signalfd", FunctionDescriptor.of(INT, INT, ADDR, INT));
    private static final MethodHandle READ =
            errnoHandle("read", FunctionDescriptor.of(ValueLayout.JAVA_LONG, INT, ADDR, ValueLayout.JAVA_LONG));
    private static final MethodHandle SIGNAL = plainHandle("signal", FunctionDescriptor.of(ADDR, INT, ADDR));
    private static final MethodHandle EXECVE = errnoHandle("execve", FunctionDescriptor.of(INT, ADDR, ADDR, ADDR));

    /** A C return value and the errno captured with it (meaningful only when the value is negative). */
    record Result(long value, int errno) {}

    private Libc() {}

    static Result kill(int pid, int signal) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            return result((int) KILL.invokeExact(state, pid, signal), state);
        } catch (Throwable t) {
            throw unexpected("kill", t);
        }
    }

    /** A new sigset_t holding exactly {@code signals}, in {@code arena}. */
    static MemorySegment sigset(Arena arena, int... signals) {
        MemorySegment set = arena.allocate(SIGSET_T_SIZE, 8);
        try {
            int rc = (int) SIGEMPTYSET.invokeExact(set);
            for (int signal : signals) {
                rc |= (int) SIGADDSET.invokeExact(set, signal);
            }
            if (rc != 0) {
                throw new IllegalArgumentException("not signal numbers: " + java.util.Arrays.toString(signals));
            }
            return set;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("sigaddset", t);
        }
    }

    static boolean sigismember(MemorySegment set, int signal) {
        try {
            return (int) SIGISMEMBER.invokeExact(set, signal) == 1;
        } catch (Throwable t) {
            throw unexpected("sigismember", t);
        }
    }

    /** Returns 0 or the error number (pthread functions do not use errno). */
    static int pthread_sigmask(int how, MemorySegment set, MemorySegment oldSet) {
        try {
            return (int) PTHREAD_SIGMASK.invokeExact(how, set, oldSet);
        } catch (Throwable t) {
            throw unexpected("pthread_sigmask", t);
        }
    }

    /** Sets the disposition of {@code signal} back to SIG_DFL (a null handler pointer). */
    static void signalDefault(int signal) {
        try {
            MemorySegment previous = (MemorySegment) SIGNAL.invokeExact(signal, MemorySegment.NULL);
            if (previous.address() == -1L) { // SIG_ERR
                throw new IllegalArgumentException("signal(" + signal + ", SIG_DFL) failed");
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected("signal", t);
        }
    }

    static Result signalfd(int fd, MemorySegment mask, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            return result((int) SIGNALFD.invokeExact(state, fd, mask, flags), state);
        } catch (Throwable t) {
            throw unexpected("signalfd", t);
        }
    }

    static Result read(int fd, MemorySegment buffer, long count) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            return result((long) READ.invokeExact(state, fd, buffer, count), state);
        } catch (Throwable t) {
            throw unexpected("read", t);
        }
    }

    /** Returns only on failure. {@code argv} and {@code envp} are NULL-terminated arrays of C strings. */
    static Result execve(MemorySegment path, MemorySegment argv, MemorySegment envp) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            return result((int) EXECVE.invokeExact(state, path, argv, envp), state);
        } catch (Throwable t) {
            throw unexpected("execve", t);
        }
    }

    /** The current value of glibc's {@code environ}: the process environment as execve wants it. */
    static MemorySegment environ() {
        MemorySegment variable = LINKER.defaultLookup().findOrThrow("environ").reinterpret(ADDR.byteSize());
        return variable.get(ADDR, 0L);
    }

    private static Result result(long value, MemorySegment state) {
        return new Result(value, value < 0 ? (int) ERRNO.get(state, 0L) : 0);
    }

    private static MethodHandle errnoHandle(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), descriptor,
                Linker.Option.captureCallState("errno"));
    }

    private static MethodHandle plainHandle(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), descriptor);
    }

    private static IllegalStateException unexpected(String call, Throwable t) {
        return new IllegalStateException(call + " downcall failed", t);
    }
}
