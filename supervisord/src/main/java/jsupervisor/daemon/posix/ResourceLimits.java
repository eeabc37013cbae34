package jsupervisor.daemon.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * getrlimit/setrlimit for the two limits Supervisor adjusts ({@code minfds}, {@code minprocs}).
 *
 * <p>Stateless and thread-safe; limits are process-wide. Named ResourceLimits rather than Rlimits so it does
 * not clash with the lifecycle package's minfds/minprocs policy class.
 */
public final class ResourceLimits {
    /** RLIM_INFINITY: all bits set in the unsigned 64-bit rlim_t, which Java sees as -1. */
    public static final long INFINITY = -1L;

    /** The resources, with their Linux numbers (identical on x86-64 and aarch64). */
    public enum Resource {
        /** RLIMIT_NPROC. */
        NPROC(6, "RLIMIT_NPROC"),
        /** RLIMIT_NOFILE. */
        NOFILE(7, "RLIMIT_NOFILE");

        final int number;
        private final String cName;

        Resource(int number, String cName) {
            this.number = number;
            this.cName = cName;
        }

        /** The C name Supervisor prints, e.g. {@code Increased RLIMIT_NOFILE limit to 1024}. */
        public String cName() {
            return cName;
        }
    }

    /** A soft and hard limit; {@link #INFINITY} for unlimited. */
    public record Limit(long soft, long hard) {
        public boolean softIsInfinite() {
            return soft == INFINITY;
        }

        public boolean hardIsInfinite() {
            return hard == INFINITY;
        }
    }

    private static final long RLIM_CUR = 0;
    private static final long RLIM_MAX = 8;

    private ResourceLimits() {}

    /** getrlimit(2). */
    public static Limit get(Resource resource) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment rlim = arena.allocate(LibcUsers.RLIMIT_SIZE, 8);
            if (LibcUsers.getrlimit(resource.number, rlim) < 0) {
                throw new PosixException("getrlimit", Ffm.errno(), resource.cName);
            }
            return new Limit(rlim.get(ValueLayout.JAVA_LONG, RLIM_CUR), rlim.get(ValueLayout.JAVA_LONG, RLIM_MAX));
        }
    }

    /**
     * Sets both limits.
     *
     * @throws PosixException EPERM when raising the hard limit without privilege, EINVAL if soft > hard
     */
    public static void set(Resource resource, Limit limit) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment rlim = arena.allocate(LibcUsers.RLIMIT_SIZE, 8);
            rlim.set(ValueLayout.JAVA_LONG, RLIM_CUR, limit.soft());
            rlim.set(ValueLayout.JAVA_LONG, RLIM_MAX, limit.hard());
            if (LibcUsers.setrlimit(resource.number, rlim) < 0) {
                throw new PosixException("setrlimit", Ffm.errno(),
                        resource.cName + ", soft=" + limit.soft() + ", hard=" + limit.hard());
            }
        }
    }
}
