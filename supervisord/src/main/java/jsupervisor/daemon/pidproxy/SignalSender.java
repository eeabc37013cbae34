package jsupervisor.daemon.pidproxy;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Sends a signal to an arbitrary pid, as Python's {@code os.kill} does for pidproxy.
 *
 * <p>Java has no API for this: {@code ProcessHandle.destroy()} sends only TERM and only to processes
 * the JVM may already know. pidproxy is a stand-alone program that must not depend on the daemon's
 * {@code posix} layer, so it carries this single downcall of its own. Stateless and thread-safe: signal
 * handler threads call it concurrently. Needs native access ({@code bin/pidproxy} grants it).
 */
public final class SignalSender {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle KILL = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("kill"),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT),
            Linker.Option.captureCallState("errno"));

    /** Why a signal could not be sent; {@code errno} is the C error number (ESRCH 3, EPERM 1). */
    public static final class SendFailedException extends Exception {
        private final int errno;

        SendFailedException(int pid, int signal, int errno) {
            super("kill(" + pid + ", " + signal + ") failed: errno " + errno + describe(errno));
            this.errno = errno;
        }

        public int errno() {
            return errno;
        }

        private static String describe(int errno) {
            return switch (errno) {
                case 1 -> " (Operation not permitted)";
                case 3 -> " (No such process)";
                default -> "";
            };
        }
    }

    /**
     * Sends {@code signal} to {@code pid}. As with kill(2), a pid of 0 or below addresses a process
     * group; the caller passes whatever the pidfile said, exactly as upstream does.
     */
    public void send(int pid, int signal) throws SendFailedException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int rc = (int) KILL.invokeExact(state, pid, signal);
            if (rc != 0) {
                throw new SendFailedException(pid, signal, (int) ERRNO.get(state, 0L));
            }
        } catch (SendFailedException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("kill downcall failed", t);
        }
    }
}
