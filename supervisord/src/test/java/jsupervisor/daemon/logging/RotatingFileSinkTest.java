package jsupervisor.daemon.logging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import jsupervisor.daemon.logging.RotatingFileSink.Rotation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingFileSinkTest {

    @TempDir
    Path dir;

    private final RecordingSinkListener listener = new RecordingSinkListener();

    @Test
    void appendsToAnExistingFileAndCountsItsSizeTowardsRotation() throws IOException {
        Path log = dir.resolve("a.log");
        Files.writeString(log, "x".repeat(90));
        try (RotatingFileSink sink = RotatingFileSink.open(log, new Rotation(100, 2), listener)) {
            sink.write("0123456789".getBytes(UTF_8));
        }
        assertThat(Files.readString(dir.resolve("a.log.1"))).isEqualTo("x".repeat(90) + "0123456789");
        assertThat(log).isEmptyFile();
    }

    @Test
    void backupsZeroTruncatesWhenFull() throws IOException {
        Path log = dir.resolve("a.log");
        try (RotatingFileSink sink = RotatingFileSink.open(log, new Rotation(10, 0), listener)) {
            sink.write("0123456789ab".getBytes(UTF_8));
            sink.write("cd".getBytes(UTF_8));
        }
        assertThat(Files.readString(log)).isEqualTo("cd");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(log);
        }
    }

    @Test
    void maxBytesZeroNeverRotates() throws IOException {
        Path log = dir.resolve("a.log");
        try (RotatingFileSink sink = RotatingFileSink.open(log, Rotation.NONE, listener)) {
            for (int i = 0; i < 100; i++) {
                sink.write("0123456789".getBytes(UTF_8));
            }
        }
        assertThat(Files.size(log)).isEqualTo(1000);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(log);
        }
    }

    @Test
    void oldestBackupFallsOffTheEnd() throws IOException {
        Path log = dir.resolve("a.log");
        try (RotatingFileSink sink = RotatingFileSink.open(log, new Rotation(1, 2), listener)) {
            for (String s : new String[] {"1", "2", "3", "4"}) {
                sink.write(s.getBytes(UTF_8));
            }
        }
        assertThat(Files.readString(dir.resolve("a.log.1"))).isEqualTo("4");
        assertThat(Files.readString(dir.resolve("a.log.2"))).isEqualTo("3");
        assertThat(log).isEmptyFile();
        assertThat(dir.resolve("a.log.3")).doesNotExist();
    }

    @Test
    void noByteLostOrDuplicatedAcrossManyRotations() throws IOException {
        byte[] expected = numberedLines(2000);
        Path log = dir.resolve("c.log");
        try (RotatingFileSink sink = RotatingFileSink.open(log, new Rotation(97, 400), listener)) {
            writeInRandomChunks(sink, expected, new Random(42));
        }
        assertThat(concatenateBackupsThenLog(log)).isEqualTo(expected);
        assertThat(listener.events).isEmpty();
    }

    @Test
    void nonRegularFileNeverRotatesWhateverMaxBytes() throws IOException {
        Path devNull = Path.of("/dev/null");
        try (RotatingFileSink sink = RotatingFileSink.open(devNull, new Rotation(1, 3), listener)) {
            for (int i = 0; i < 50; i++) {
                sink.write("some output\n".getBytes(UTF_8));
            }
            sink.reopen();
            sink.write("more\n".getBytes(UTF_8));
            assertThat(sink.pendingBytes()).isZero();
        }
        assertThat(listener.events).isEmpty();
        assertThat(Path.of("/dev/null.1")).doesNotExist();
    }

    @Test
    void pathsUnderDevAndProcNeverRotateEvenWhenTheyResolveToARegularFile() {
        assertThat(RotatingFileSink.isSpecialPath(Path.of("/dev/stdout"))).isTrue();
        assertThat(RotatingFileSink.isSpecialPath(Path.of("/proc/self/fd/1"))).isTrue();
        assertThat(RotatingFileSink.isSpecialPath(Path.of("/var/log/../../dev/stderr"))).isTrue();
        assertThat(RotatingFileSink.isSpecialPath(Path.of("/var/log/devices.log"))).isFalse();
        assertThat(RotatingFileSink.isSpecialPath(Path.of("/device/x.log"))).isFalse();
    }

    @Test
    void fifoWithMaxBytesDeliversEverythingAndNeverRotates() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        } catch (IOException e) {
            Assumptions.abort("no mkfifo: " + e.getMessage());
            return;
        }
        assertThat(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).isTrue();
        byte[] expected = numberedLines(3000);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        Thread reader = Thread.ofPlatform().name("fifo-reader").start(() -> {
            try (var in = Files.newInputStream(fifo)) {
                in.transferTo(received);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        // Opening a FIFO for writing blocks until the reader has opened it: no sleep needed.
        try (RotatingFileSink sink = RotatingFileSink.open(fifo, new Rotation(10, 2), listener)) {
            writeInRandomChunks(sink, expected, new Random(3));
        }
        reader.join(Duration.ofSeconds(30));
        assertThat(received.toByteArray()).isEqualTo(expected);
        assertThat(listener.events).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(fifo);
        }
    }

    @Test
    void fullDiskIsReportedOnceThenRecoversWithoutLoss() throws IOException {
        FaultyDisk disk = new FaultyDisk();
        Path log = dir.resolve("d.log");
        try (RotatingFileSink sink = RotatingFileSink.open(log, Rotation.NONE, listener, disk, 1024)) {
            sink.write("first\n".getBytes(UTF_8));
            disk.freeBytes = 3; // "sec" fits, then ENOSPC
            sink.write("second\n".getBytes(UTF_8));
            sink.write("third\n".getBytes(UTF_8));
            sink.write("fourth\n".getBytes(UTF_8));
            assertThat(listener.events).containsExactly("failed write: No space left on device");
            assertThat(sink.pendingBytes()).isEqualTo("ond\nthird\nfourth\n".length());
            assertThat(disk.failedWrites).isGreaterThanOrEqualTo(3); // each write retried, reported once

            disk.freeBytes = Long.MAX_VALUE;
            sink.write("fifth\n".getBytes(UTF_8));
            assertThat(sink.pendingBytes()).isZero();
        }
        assertThat(listener.events).containsExactly("failed write: No space left on device",
                "recovered, dropped 0");
        assertThat(Files.readString(log)).isEqualTo("first\nsecond\nthird\nfourth\nfifth\n");
    }

    @Test
    void listenerMayLogThroughTheFailingSinkItself() throws IOException {
        FaultyDisk disk = new FaultyDisk();
        Path log = dir.resolve("r.log");
        RotatingFileSink[] self = new RotatingFileSink[1];
        SinkListener logsIntoSameSink = new SinkListener() {
            @Override
            public void failed(String sink, String action, IOException cause) {
                self[0].write(("ERRO " + action + " failed\n").getBytes(UTF_8));
            }

            @Override
            public void recovered(String sink, long droppedBytes) {
                self[0].write("INFO recovered\n".getBytes(UTF_8));
            }
        };
        try (RotatingFileSink sink = RotatingFileSink.open(log, new Rotation(12, 3), logsIntoSameSink, disk, 1024)) {
            self[0] = sink;
            sink.write("a\n".getBytes(UTF_8));
            disk.freeBytes = 0;
            sink.write("b\n".getBytes(UTF_8));
            disk.freeBytes = Long.MAX_VALUE;
            sink.write("c\n".getBytes(UTF_8));
        }
        assertThat(concatenateBackupsThenLog(log)).asString(UTF_8)
                .isEqualTo("a\nb\nERRO write failed\nc\nINFO recovered\n");
        assertThat(disk.opens - disk.closes).isZero();
    }

    @Test
    void bytesBeyondTheCapAreDroppedNewestFirstAndCounted() throws IOException {
        FaultyDisk disk = new FaultyDisk();
        Path log = dir.resolve("d.log");
        try (RotatingFileSink sink = RotatingFileSink.open(log, Rotation.NONE, listener, disk, 8)) {
            disk.freeBytes = 0;
            sink.write("12345".getBytes(UTF_8));
            sink.write("67890".getBytes(UTF_8));
            sink.write("abc".getBytes(UTF_8));
            disk.freeBytes = Long.MAX_VALUE;
            sink.write("Z".getBytes(UTF_8));
        }
        assertThat(Files.readString(log)).isEqualTo("12345678Z");
        assertThat(listener.events).containsExactly("failed write: No space left on device",
                "recovered, dropped 5");
    }

    @Test
    void intermittentFullDiskLosesNothingAcrossRotations() throws IOException {
        byte[] expected = numberedLines(1500);
        FaultyDisk disk = new FaultyDisk();
        Path log = dir.resolve("e.log");
        Random random = new Random(7);
        try (RotatingFileSink sink = RotatingFileSink.open(log, new Rotation(211, 200), listener, disk, 1 << 16)) {
            int at = 0;
            while (at < expected.length) {
                disk.freeBytes = random.nextInt(4) == 0 ? random.nextInt(20) : Long.MAX_VALUE;
                int len = Math.min(expected.length - at, 1 + random.nextInt(120));
                sink.write(expected, at, len);
                at += len;
            }
            disk.freeBytes = Long.MAX_VALUE;
            sink.write(new byte[0]);
            assertThat(sink.pendingBytes()).isZero();
        }
        assertThat(concatenateBackupsThenLog(log)).isEqualTo(expected);
        assertThat(listener.events).isNotEmpty().last().isEqualTo("recovered, dropped 0");
    }

    @Test
    void directBuffersLoseNothingAcrossRotationsAndAFullDisk() throws IOException {
        byte[] expected = numberedLines(3000);
        FaultyDisk disk = new FaultyDisk();
        Path log = dir.resolve("direct.log");
        Random random = new Random(11);
        ByteBuffer reused = ByteBuffer.allocateDirect(256); // one buffer, refilled for every chunk as the drain does
        try (RotatingFileSink sink = RotatingFileSink.open(log, new Rotation(997, 200), listener, disk, 1 << 16)) {
            int at = 0;
            while (at < expected.length) {
                disk.freeBytes = random.nextInt(4) == 0 ? random.nextInt(40) : Long.MAX_VALUE;
                int len = Math.min(expected.length - at, 1 + random.nextInt(reused.capacity()));
                reused.clear().put(expected, at, len).flip();
                sink.write(reused);
                at += len;
            }
            disk.freeBytes = Long.MAX_VALUE;
            sink.write(ByteBuffer.allocateDirect(0));
            assertThat(sink.pendingBytes()).isZero();
        }
        assertThat(concatenateBackupsThenLog(log)).isEqualTo(expected);
        assertThat(Files.exists(log.resolveSibling("direct.log.1"))).isTrue();
        assertThat(listener.events).contains("failed write: No space left on device").last()
                .isEqualTo("recovered, dropped 0");
    }

    @Test
    void reopenAfterAnExternalRenameStartsANewFile() throws IOException {
        Path log = dir.resolve("f.log");
        try (RotatingFileSink sink = RotatingFileSink.open(log, new Rotation(1000, 1), listener)) {
            sink.write("before\n".getBytes(UTF_8));
            Files.move(log, dir.resolve("f.log.old")); // logrotate's "create" mode, then SIGUSR2
            sink.write("still old\n".getBytes(UTF_8));
            sink.reopen();
            sink.write("after\n".getBytes(UTF_8));
        }
        assertThat(Files.readString(dir.resolve("f.log.old"))).isEqualTo("before\nstill old\n");
        assertThat(Files.readString(log)).isEqualTo("after\n");
    }

    @Test
    void clearEmptiesTheFileButKeepsBackups() throws IOException {
        Path log = dir.resolve("g.log");
        try (RotatingFileSink sink = RotatingFileSink.open(log, new Rotation(5, 1), listener)) {
            sink.write("rotated\n".getBytes(UTF_8));
            sink.write("abc".getBytes(UTF_8));
            sink.clear();
            sink.write("new".getBytes(UTF_8));
        }
        assertThat(Files.readString(log)).isEqualTo("new");
        assertThat(Files.readString(dir.resolve("g.log.1"))).isEqualTo("rotated\n");
    }

    @Test
    void refusedRotationKeepsAppendingAndRecoversLater() throws IOException {
        Path log = dir.resolve("h.log");
        Path blocker = Files.createDirectories(dir.resolve("h.log.1"));
        Files.writeString(blocker.resolve("inside"), "x"); // rename(2) onto a non-empty directory fails
        try (RotatingFileSink sink = RotatingFileSink.open(log, new Rotation(4, 1), listener)) {
            sink.write("abcd".getBytes(UTF_8));
            sink.write("efgh".getBytes(UTF_8));
            assertThat(Files.readString(log)).isEqualTo("abcdefgh");
            Files.delete(blocker.resolve("inside"));
            Files.delete(blocker);
            sink.write("ij".getBytes(UTF_8));
        }
        assertThat(Files.readString(dir.resolve("h.log.1"))).isEqualTo("abcdefghij");
        assertThat(log).isEmptyFile();
        assertThat(listener.events).hasSize(2);
        assertThat(listener.events.get(0)).startsWith("failed rotate");
        assertThat(listener.events.get(1)).isEqualTo("recovered, dropped 0");
    }

    @Test
    void firstOpenFailureIsThrown() {
        assertThatThrownBy(() -> RotatingFileSink.open(dir.resolve("missing/x.log"), Rotation.NONE, listener))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void writesAfterCloseAreDropped() throws IOException {
        Path log = dir.resolve("i.log");
        RotatingFileSink sink = RotatingFileSink.open(log, Rotation.NONE, listener);
        sink.write("a".getBytes(UTF_8));
        sink.close();
        sink.write("b".getBytes(UTF_8));
        sink.reopen();
        assertThat(Files.readString(log)).isEqualTo("a");
    }

    static byte[] numberedLines(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            text.append("line ").append(i).append('\n');
        }
        return text.toString().getBytes(UTF_8);
    }

    static void writeInRandomChunks(LogSink sink, byte[] data, Random random) {
        int at = 0;
        while (at < data.length) {
            int len = Math.min(data.length - at, 1 + random.nextInt(150));
            sink.write(data, at, len);
            at += len;
        }
    }

    /** Reads f.N ... f.1 then f, oldest first: the whole history when no backup fell off the end. */
    static byte[] concatenateBackupsThenLog(Path log) throws IOException {
        int highest = 0;
        while (Files.exists(log.resolveSibling(log.getFileName() + "." + (highest + 1)))) {
            highest++;
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = highest; i >= 1; i--) {
            all.write(Files.readAllBytes(log.resolveSibling(log.getFileName() + "." + i)));
        }
        all.write(Files.readAllBytes(log));
        return all.toByteArray();
    }
}
