package jsupervisor.daemon.pidproxy;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces this JVM with a fresh one that leaves the relayed signals to {@link BlockedSignals}: same pid,
 * same command line plus {@code -Xrs}, same environment plus {@code _JAVA_SR_SIGNUM}.
 *
 * <p>Why each piece (all measured on Temurin 25):
 * <ul>
 *   <li>execve keeps the pid, which supervisord is watching and signalling; a JVM cannot fork.</li>
 *   <li>Signals blocked by the thread calling execve stay blocked in the new program's threads.</li>
 *   <li>Without {@code -Xrs} HotSpot unblocks HUP, INT and TERM (shutdown hooks) and QUIT (thread
 *       dumps) again. With it, it also starts no signal dispatcher, so {@code sun.misc.Signal} handlers
 *       never run: from then on a signalfd is the only way in.</li>
 *   <li>HotSpot unblocks its suspend/resume signal in every Java thread, SIGUSR2 by default; a USR2 then
 *       lands in HotSpot's handler and is lost. {@code _JAVA_SR_SIGNUM} moves that duty to an unused
 *       real-time signal so USR2 stays blocked too. The variable is removed from the child's
 *       environment again ({@link #scrub}).</li>
 * </ul>
 * The command line and environment are read back from {@code /proc/self} as bytes. Linux only.
 */
public final class Reexec {
    static final String REDUCE_SIGNAL_USAGE = "-Xrs";
    static final String SR_SIGNUM_VARIABLE = "_JAVA_SR_SIGNUM";
    /** SIGRTMIN+5 with glibc (SIGRTMIN is 34): above SIGSEGV as HotSpot requires, and unused by it. */
    static final String SR_SIGNUM = "39";
    /** Arguments are bytes, not text: Latin-1 maps each byte to one char and back unchanged. */
    private static final Charset BYTES = StandardCharsets.ISO_8859_1;

    private Reexec() {}

    /** Set on the JVM this class re-executes (a property, so children never inherit it). */
    private static final String REEXECUTED_PROPERTY = "jsupervisor.reexecuted";

    /**
     * True if this JVM is the one {@link #withSignalsLeftToUs} executed; false for the first JVM, also when the
     * launcher already blocked the signals (then {@link #done} is true from the start).
     */
    public static boolean reexecuted() {
        return Boolean.getBoolean(REEXECUTED_PROPERTY);
    }

    /** True if this JVM is the re-executed one, so that a failure cannot turn into an exec loop. */
    public static boolean done() {
        return SR_SIGNUM.equals(System.getenv(SR_SIGNUM_VARIABLE));
    }

    /**
     * Execs {@code /proc/self/exe} as described above. Returns only if that failed, with a description
     * of the failure. The caller blocks the signals first.
     */
    public static String withSignalsLeftToUs() {
        List<String> argv = new ArrayList<>(nulSeparated("cmdline"));
        if (argv.isEmpty()) {
            return "cannot read /proc/self/cmdline";
        }
        if (!argv.contains(REDUCE_SIGNAL_USAGE)) {
            argv.add(1, REDUCE_SIGNAL_USAGE);
        }
        argv.add(1, "-D" + REEXECUTED_PROPERTY + "=true");
        List<String> envp = new ArrayList<>(nulSeparated("environ"));
        envp.removeIf(entry -> entry.startsWith(SR_SIGNUM_VARIABLE + "="));
        envp.add(SR_SIGNUM_VARIABLE + "=" + SR_SIGNUM);
        try (Arena arena = Arena.ofConfined()) {
            Libc.Result result = Libc.execve(arena.allocateFrom("/proc/self/exe"),
                    stringArray(arena, argv), stringArray(arena, envp));
            return "execve(/proc/self/exe) failed: errno " + result.errno();
        }
    }

    /** Removes what {@link #withSignalsLeftToUs()} added from an environment meant for a child. */
    public static void scrub(java.util.Map<String, String> environment) {
        environment.remove(SR_SIGNUM_VARIABLE, SR_SIGNUM);
    }

    private static MemorySegment stringArray(Arena arena, List<String> strings) {
        MemorySegment array = arena.allocate(ValueLayout.ADDRESS, strings.size() + 1L);
        for (int i = 0; i < strings.size(); i++) {
            array.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(strings.get(i), BYTES));
        }
        array.setAtIndex(ValueLayout.ADDRESS, strings.size(), MemorySegment.NULL);
        return array;
    }

    private static List<String> nulSeparated(String procFile) {
        try {
            String raw = new String(Files.readAllBytes(Path.of("/proc/self", procFile)), BYTES);
            // Each entry ends with a NUL; split() drops the empty element after the last one.
            return raw.isEmpty() ? List.of() : List.of(raw.split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }
}
