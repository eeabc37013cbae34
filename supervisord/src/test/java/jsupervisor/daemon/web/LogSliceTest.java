package jsupervisor.daemon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSliceTest {
    @TempDir
    Path dir;

    @Test
    void theLastBytesAndTheSizeTheyEndAt() throws Exception {
        Path log = Files.writeString(dir.resolve("a.log"), "0123456789");
        assertThat(LogSlice.read(log, 4)).isEqualTo(new LogSlice("6789", 10));
        assertThat(LogSlice.read(log, 1024)).isEqualTo(new LogSlice("0123456789", 10));
    }

    @Test
    void aSliceStartingInsideACharacterDropsItsTailBytes() throws Exception {
        Path log = Files.write(dir.resolve("u.log"), "aé€b".getBytes(StandardCharsets.UTF_8));
        // "é" is 2 bytes and "€" 3: the last 3 bytes start inside "€", the last 4 at it
        assertThat(LogSlice.read(log, 3).text()).isEqualTo("b");
        assertThat(LogSlice.read(log, 4).text()).isEqualTo("€b");
        assertThat(LogSlice.read(log, 5).text()).isEqualTo("€b");
        assertThat(LogSlice.read(log, 5).size()).isEqualTo(7);
    }

    @Test
    void malformedBytesBecomeReplacementCharacters() throws Exception {
        Path log = Files.write(dir.resolve("b.log"), new byte[] {'a', (byte) 0xff, 'b'});
        assertThat(LogSlice.read(log, 1024).text()).isEqualTo("a\uFFFDb");
    }

    @Test
    void aHugeLimitIsCapped() throws Exception {
        Path log = Files.write(dir.resolve("big.log"), new byte[LogSlice.MAX_BYTES + 10]);
        LogSlice slice = LogSlice.read(log, Long.MAX_VALUE);
        assertThat(slice.text()).hasSize(LogSlice.MAX_BYTES);
        assertThat(slice.size()).isEqualTo(LogSlice.MAX_BYTES + 10);
    }
}
