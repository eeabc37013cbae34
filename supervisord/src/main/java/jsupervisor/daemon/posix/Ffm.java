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
import java.util.Optional;

/**
 * The one place that talks to {@link Linker}: symbol lookup in the C library, lazily created downcall
 * handles, and errno capture.
 *
 * <p>Thread-safe. Downcall handles are created on first use because creating all of them up front costs
 * 100-170 ms of start-up (DESIGN.md). errno is captured with {@code Linker.Option.captureCallState} into a
 * per-thread segment, so {@link #errno()} read right after a call on the same thread is that call's errno.
 */
final class Ffm {
    static final Linker LINKER = Linker.nativeLinker();
    static final SymbolLookup LIBC = LINKER.defaultLookup();

    static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    static final ValueLayout.OfShort C_SHORT = ValueLayout.JAVA_SHORT;
    static final ValueLayout.OfByte C_CHAR = ValueLayout.JAVA_BYTE;
    /** A pointer to bytes we may read up to a NUL (strings returned by libc). */
    static final AddressLayout C_POINTER = ValueLayout.ADDRESS.withTargetLayout(
            MemoryLayout.sequenceLayout(Long.MAX_VALUE, ValueLayout.JAVA_BYTE));

    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
    // Arena.ofAuto: the segment lives as long as the thread's ThreadLocalMap entry, virtual threads included.
    private static final ThreadLocal<MemorySegment> CAPTURE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CAPTURE_LAYOUT));

    private Ffm() {}

    /** A downcall without errno capture (functions that return an error number or cannot fail). */
    static Downcall plain(String name, FunctionDescriptor descriptor) {
        return new Downcall(name, descriptor, new Linker.Option[0]);
    }

    /** A downcall whose first Java argument is the capture segment ({@link #capture()}). */
    static Downcall errno(String name, FunctionDescriptor descriptor) {
        return new Downcall(name, descriptor, new Linker.Option[] {CAPTURE_ERRNO});
    }

    /** A variadic downcall capturing errno; {@code fixedArgs} is the count of arguments before "...". */
    static Downcall errnoVariadic(String name, FunctionDescriptor descriptor, int fixedArgs) {
        return new Downcall(name, descriptor,
                new Linker.Option[] {CAPTURE_ERRNO, Linker.Option.firstVariadicArg(fixedArgs)});
    }

    /** The calling thread's capture segment, passed as the first argument of errno-capturing downcalls. */
    static MemorySegment capture() {
        return CAPTURE.get();
    }

    /** errno as left by the last errno-capturing downcall on this thread. */
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
     * One C function, bound on first use. Thread-safe: a race creates the handle twice and keeps one,
     * which is harmless because handles are stateless.
     */
    static final class Downcall {
        private final String name;
        private final FunctionDescriptor descriptor;
        private final Linker.Option[] options;
        private volatile MethodHandle handle;

        private Downcall(String name, FunctionDescriptor descriptor, Linker.Option[] options) {
            this.name = name;
            this.descriptor = descriptor;
            this.options = options;
        }

        MethodHandle handle() {
            MethodHandle h = handle;
            if (h == null) {
                Optional<MemorySegment> symbol = LIBC.find(name);
                h = LINKER.downcallHandle(
                        symbol.orElseThrow(() -> new UnsupportedOperationException("libc lacks " + name)),
                        descriptor, options);
                handle = h;
            }
            return h;
        }

        /** Whether the handle has been created yet (lets a test prove laziness). */
        boolean isBound() {
            return handle != null;
        }

        String name() {
            return name;
        }
    }
}
