package jsupervisor.daemon.posix;

/**
 * The CPU architectures whose Linux struct layouts this package knows, chosen once from {@code os.arch}.
 *
 * <p>Immutable and thread-safe. Only the layouts that really differ between x86-64 and aarch64 live here;
 * everything else (siginfo_t, sigset_t, posix_spawnattr_t, signalfd_siginfo, syscall numbers used here)
 * is identical on both 64-bit glibc targets, which the unit tests pin.
 */
public enum Arch {
    /**
     * x86-64: {@code struct epoll_event} is declared {@code __attribute__((packed))} on this arch only
     * (include/uapi/linux/eventpoll.h, EPOLL_PACKED), so it is 12 bytes with the data union at offset 4.
     */
    X86_64(12, 4),
    /** aarch64: natural alignment, so {@code struct epoll_event} is 16 bytes with the data union at offset 8. */
    AARCH64(16, 8);

    /** pidfd_open(2): 434 on both arches (x86-64 unistd_64.h and asm-generic/unistd.h). */
    static final long SYS_PIDFD_OPEN = 434;

    private final int epollEventSize;
    private final int epollDataOffset;

    Arch(int epollEventSize, int epollDataOffset) {
        this.epollEventSize = epollEventSize;
        this.epollDataOffset = epollDataOffset;
    }

    /** Size in bytes of one {@code struct epoll_event}. */
    public int epollEventSize() {
        return epollEventSize;
    }

    /** Offset of {@code epoll_event.data} (the caller's 64-bit token); {@code events} is always at 0. */
    public int epollDataOffset() {
        return epollDataOffset;
    }

    /** The architecture of the running JVM; throws if it is neither x86-64 nor aarch64. */
    public static Arch current() {
        return Holder.CURRENT;
    }

    /** Maps an {@code os.arch} value to an {@code Arch}. */
    static Arch fromOsArch(String osArch) {
        return switch (osArch) {
            case "amd64", "x86_64" -> X86_64;
            case "aarch64", "arm64" -> AARCH64;
            default -> throw new UnsupportedOperationException("unsupported architecture: " + osArch);
        };
    }

    private static final class Holder {
        static final Arch CURRENT = fromOsArch(System.getProperty("os.arch"));
    }
}
