package jsupervisor.daemon.posix;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The one place that talks to {@link Linker}: symbol lookup in the C library, the downcall handles, and errno
 * capture.
 *
 * <p><b>One call shape.</b> Every C function the daemon uses takes and returns integer-class values only (int,
 * short, long, size_t, pointers), so each is called through the same downcall handle: six {@code long}
 * arguments and a {@code long} result, the function's address passed at each call. On the LP64 Linux ABIs
 * (x86-64 SysV, AAPCS64) all six travel in 64-bit registers whatever their C types, a callee ignores the
 * registers it has no parameter for and reads the low bits of those it has, and a narrower result is the low
 * bits of the result register: the callers cast it back to the C type ({@code (int)} for an int). Arguments are
 * passed sign-extended, which also suits callees that expect a char or short widened to 32 bits. Pointers are
 * passed as addresses ({@link #address}). Variadic functions keep shapes of their own ({@link #callVariadic}),
 * because x86-64 passes a variadic call a vector-register count. Why: each distinct shape costs the JVM a
 * generated stub class and dozens of method-handle classes, generated and compiled on first use; with a shape
 * per C signature, starting 1000 programs generated about 270 classes, now about 70 (bench/README.md).
 *
 * <p>The price is the FFM checks on pointer arguments: a segment passed here must be native and stay alive until
 * the call returns. Every caller passes memory of an arena it closes itself after the call, a thread-local
 * buffer, or a buffer held in a field.
 *
 * <p>errno is captured after every call with {@code Linker.Option.captureCallState} into a per-thread segment,
 * so {@link #errno()} read right after a call on the same thread is that call's errno. Thread-safe.
 */
final class Ffm {
    static final Linker LINKER = Linker.nativeLinker();
    static final SymbolLookup LIBC = LINKER.defaultLookup();

    /** A pointer to bytes we may read up to a NUL (strings returned by libc). */
    static final AddressLayout C_POINTER = ValueLayout.ADDRESS.withTargetLayout(
            MemoryLayout.sequenceLayout(Long.MAX_VALUE, ValueLayout.JAVA_BYTE));

    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
    // Arena.ofAuto: the segment lives as long as the thread's ThreadLocalMap entry, virtual threads included.
    private static final ThreadLocal<MemorySegment> CAPTURE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CAPTURE_LAYOUT));

    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG;
    /** (function, capture, six words) -> word: every non-variadic function. */
    private static final MethodHandle WORDS = LINKER.downcallHandle(
            FunctionDescriptor.of(WORD, WORD, WORD, WORD, WORD, WORD, WORD), CAPTURE_ERRNO);
    /** (function, capture, three words) -> word, variadic after the first or after the second word. */
    private static final FunctionDescriptor THREE_WORDS = FunctionDescriptor.of(WORD, WORD, WORD, WORD);
    private static final MethodHandle VARIADIC_AFTER_ONE =
            LINKER.downcallHandle(THREE_WORDS, CAPTURE_ERRNO, Linker.Option.firstVariadicArg(1));
    private static final MethodHandle VARIADIC_AFTER_TWO =
            LINKER.downcallHandle(THREE_WORDS, CAPTURE_ERRNO, Linker.Option.firstVariadicArg(2));

    private Ffm() {}

    /** A C function of the C library, looked up on first call. */
    static Function function(String name) {
        return new Function(name);
    }

    /** Calls a non-variadic function with up to six arguments (the rest are zero and ignored). */
    static long call(Function f) {
        return call(f, 0, 0, 0, 0, 0, 0);
    }

    static long call(Function f, long a) {
        return call(f, a, 0, 0, 0, 0, 0);
    }

    static long call(Function f, long a, long b) {
        return call(f, a, b, 0, 0, 0, 0);
    }

    static long call(Function f, long a, long b, long c) {
        return call(f, a, b, c, 0, 0, 0);
    }

    static long call(Function f, long a, long b, long c, long d) {
        return call(f, a, b, c, d, 0, 0);
    }

    static long call(Function f, long a, long b, long c, long d, long e) {
        return call(f, a, b, c, d, e, 0);
    }

    static long call(Function f, long a, long b, long c, long d, long e, long g) {
        try {
            return (long) WORDS.invokeExact(f.address(), capture(), a, b, c, d, e, g);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Calls a variadic function with {@code fixed} (1 or 2) named arguments among three: open(path, flags, mode),
     * fcntl(fd, cmd, arg), syscall(number, arg1, arg2).
     */
    static long callVariadic(Function f, int fixed, long a, long b, long c) {
        MethodHandle h = switch (fixed) {
            case 1 -> VARIADIC_AFTER_ONE;
            case 2 -> VARIADIC_AFTER_TWO;
            default -> throw new IllegalArgumentException("fixed arguments: " + fixed);
        };
        try {
            return (long) h.invokeExact(f.address(), capture(), a, b, c);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** A pointer argument: the address of native memory (0 for {@link MemorySegment#NULL}). */
    static long address(MemorySegment segment) {
        if (!segment.isNative()) {
            throw new IllegalArgumentException("a C function needs native memory, not a heap segment");
        }
        return segment.address();
    }

    /** The calling thread's capture segment, which every call fills with errno. */
    private static MemorySegment capture() {
        return CAPTURE.get();
    }

    /** errno as left by the last call on this thread. */
    static int errno() {
        return (int) ERRNO.get(CAPTURE.get(), 0L);
    }

    /** Whether libc exports {@code name} (for functions newer than our glibc floor, such as closefrom). */
    static boolean hasSymbol(String name) {
        return LIBC.find(name).isPresent();
    }

    /** Rethrows what {@code MethodHandle.invokeExact} threw: downcalls only throw unchecked errors. */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("unexpected checked exception from a downcall", t);
    }

    /**
     * One C function, looked up on first call. Thread-safe: a race looks the symbol up twice and keeps one, which
     * is harmless because the address is the same.
     */
    static final class Function {
        private final String name;
        private volatile MemorySegment address;

        private Function(String name) {
            this.name = name;
        }

        MemorySegment address() {
            MemorySegment a = address;
            if (a == null) {
                a = LIBC.find(name).orElseThrow(() -> new UnsupportedOperationException("libc lacks " + name));
                address = a;
            }
            return a;
        }

        /** Whether the symbol has been looked up yet (lets a test prove laziness). */
        boolean isBound() {
            return address != null;
        }

        String name() {
            return name;
        }
    }
}
