package jsupervisor.daemon.logging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import jsupervisor.daemon.logging.RotatingFileSink.Rotation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drives Supervisor's own {@code supervisor.loggers.handle_file} (rotating, as the child-log dispatchers set it
 * up) and our {@link RotatingFileSink} with the same writes, then compares file names and contents. Skipped when
 * /usr/bin/python3 or the supervisor package is missing.
 */
class RotationParityTest {

    // One hex-encoded chunk per stdin line; mirrors POutputDispatcher._init_normallog + childlog.info(data).
    private static final String DRIVER = """
            import sys
            from supervisor import loggers
            path, maxbytes, backups = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
            logger = loggers.getLogger(loggers.LevelsByName.INFO)
            loggers.handle_file(logger, path, '%(message)s', rotating=not not maxbytes,
                                maxbytes=maxbytes, backups=backups)
            for line in sys.stdin:
                logger.info(bytes.fromhex(line.strip()))
            logger.close()
            """;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsSupervisor() throws Exception {
        SupervisorPython.assumeAvailable();
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("backups 3, stale backups present", 100L, 3, 60, 150, true),
                Arguments.of("backups 0 truncates", 100L, 0, 40, 150, false),
                Arguments.of("maxbytes 0 never rotates", 0L, 5, 40, 150, true),
                Arguments.of("maxbytes 1, backups 1", 1L, 1, 10, 5, false),
                Arguments.of("one write bigger than maxbytes", 100L, 2, 3, 560, false),
                Arguments.of("backups 10, many rotations", 64L, 10, 200, 90, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void sameFilesAsSupervisor(String name, long maxBytes, int backups, int writes, int maxChunk, boolean existing)
            throws Exception {
        List<byte[]> chunks = chunks(writes, maxChunk, new Random(name.hashCode()));
        Path ours = Files.createDirectory(dir.resolve("java"));
        Path theirs = Files.createDirectory(dir.resolve("python"));
        if (existing) {
            for (Path side : List.of(ours, theirs)) {
                Files.writeString(side.resolve("out.log"), "existing content\n");
                Files.writeString(side.resolve("out.log.2"), "stale backup 2\n");
                Files.writeString(side.resolve("out.log.7"), "stale backup 7\n");
            }
        }

        try (RotatingFileSink sink = RotatingFileSink.open(ours.resolve("out.log"), new Rotation(maxBytes, backups),
                new RecordingSinkListener())) {
            chunks.forEach(sink::write);
        }
        runSupervisor(theirs.resolve("out.log"), maxBytes, backups, chunks);

        assertThat(snapshot(ours)).isEqualTo(snapshot(theirs)).isNotEmpty();
    }

    private static List<byte[]> chunks(int writes, int maxChunk, Random random) {
        List<byte[]> chunks = new ArrayList<>();
        int line = 0;
        for (int i = 0; i < writes; i++) {
            StringBuilder chunk = new StringBuilder();
            int length = 1 + random.nextInt(maxChunk);
            while (chunk.length() < length) {
                chunk.append("line ").append(++line).append('\n');
            }
            chunks.add(chunk.substring(0, length).getBytes(UTF_8));
        }
        return chunks;
    }

    private void runSupervisor(Path log, long maxBytes, int backups, List<byte[]> chunks) throws Exception {
        List<String> lines = chunks.stream().map(c -> HexFormat.of().formatHex(c)).toList();
        SupervisorPython.run(dir, DRIVER, List.of(log.toString(), Long.toString(maxBytes), Integer.toString(backups)),
                lines);
    }

    private static Map<String, String> snapshot(Path side) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(side)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }
}
