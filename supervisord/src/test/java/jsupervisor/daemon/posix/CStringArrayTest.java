package jsupervisor.daemon.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CStringArrayTest {

    /** Reads back a NULL-terminated char*[] as C would: pointer by pointer, each string up to its NUL. */
    private static List<String> read(MemorySegment array) {
        List<String> out = new ArrayList<>();
        MemorySegment all = array.reinterpret(Long.MAX_VALUE);
        for (long i = 0; i < 10_000; i++) {
            long p = all.getAtIndex(ValueLayout.JAVA_LONG, i);
            if (p == 0) {
                return out;
            }
            out.add(MemorySegment.ofAddress(p).reinterpret(Long.MAX_VALUE).getString(0));
        }
        throw new AssertionError("no NULL pointer at the end");
    }

    @Test
    void argvAndEnvironmentEntriesComeOutAsCStrings() {
        try (Arena arena = Arena.ofConfined()) {
            CStringArray a = new CStringArray().add("/bin/echo").add("").add("héllo wörld ✓");
            a.add("PATH", "/bin:/usr/bin").add("EMPTY", "").add("EQ", "a=b");
            assertThat(a.size()).isEqualTo(6);
            assertThat(read(a.toNative(arena))).containsExactly("/bin/echo", "", "héllo wörld ✓",
                    "PATH=/bin:/usr/bin", "EMPTY=", "EQ=a=b");
        }
    }

    @Test
    void anEmptyArrayIsJustTheNull() {
        try (Arena arena = Arena.ofConfined()) {
            assertThat(read(new CStringArray().toNative(arena))).isEmpty();
        }
    }

    @Test
    void growsPastItsFirstBuffersWithoutLosingAnything() {
        CStringArray a = new CStringArray();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String value = "v".repeat(i % 97) + i;
            a.add("K" + i, value);
            expected.add("K" + i + "=" + value);
        }
        try (Arena arena = Arena.ofConfined()) {
            assertThat(read(a.toNative(arena))).containsExactlyElementsOf(expected);
        }
    }
}
