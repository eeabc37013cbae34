package jsupervisor.daemon.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CStringTest {

    @Test
    void aStringBecomesItsUtf8BytesAndOneNul() {
        try (Arena arena = Arena.ofConfined()) {
            String s = "/tmp/héllo wörld ✓";
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            MemorySegment c = CString.of(arena, s);
            assertThat(c.byteSize()).isEqualTo(utf8.length + 1L);
            assertThat(c.asSlice(0, utf8.length).toArray(ValueLayout.JAVA_BYTE)).isEqualTo(utf8);
            assertThat(c.get(ValueLayout.JAVA_BYTE, utf8.length)).isZero();
            assertThat(c.getString(0)).isEqualTo(s);
        }
    }

    @Test
    void theEmptyStringIsJustTheNul() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment c = CString.of(arena, "");
            assertThat(c.byteSize()).isEqualTo(1);
            assertThat(c.get(ValueLayout.JAVA_BYTE, 0)).isZero();
        }
    }

    @Test
    void copyFillsOnlyTheLeadingBytes() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment to = arena.allocate(8).fill((byte) 7);
            CString.copy(new byte[] {1, 2, 3, 4}, 3, to);
            assertThat(to.toArray(ValueLayout.JAVA_BYTE)).containsExactly(1, 2, 3, 7, 7, 7, 7, 7);
        }
    }
}
