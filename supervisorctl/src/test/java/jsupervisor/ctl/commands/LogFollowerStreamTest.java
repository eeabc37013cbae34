package jsupervisor.ctl.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jsupervisor.ctl.Output;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log stream closed by the user prints nothing afterwards, even data it had already read: fg prints its
 * closing line right after closing its streams, and that line must be the last.
 */
class LogFollowerStreamTest {
    @TempDir
    Path dir;

    @Test
    void closeWaitsOutTheWriteInProgressAndDropsWhatIsAlreadyBuffered() throws Exception {
        Path socket = dir.resolve("s.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            OutputStream stalling = new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    writing.countDown();
                    await(release);
                    synchronized (printed) {
                        printed.write(b, off, len);
                    }
                }
            };
            Output out = new Output(new PrintStream(stalling, true), new PrintStream(OutputStream.nullOutputStream()));
            LogFollower.Stream stream =
                    new LogFollower.Stream("unix://" + socket, null, null, "/logtail/x/stdout", out);
            Thread reader = new Thread(stream, "stream");
            reader.start();
            try (SocketChannel peer = server.accept()) {
                // both chunks in one segment, so the second is in the reader's buffer when the first is printed
                String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5\r\nfirst\r\n6\r\nsecond\r\n";
                peer.write(ByteBuffer.wrap(response.getBytes(StandardCharsets.US_ASCII)));
                assertThat(writing.await(10, TimeUnit.SECONDS)).as("first chunk being printed").isTrue();

                Thread closer = new Thread(stream::close, "closer");
                closer.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (closer.getState() != Thread.State.BLOCKED && closer.getState() != Thread.State.TERMINATED
                        && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                assertThat(closer.getState()).as("close waits for the write in progress")
                        .isEqualTo(Thread.State.BLOCKED);
                release.countDown();
                closer.join(10_000);
                assertThat(closer.isAlive()).isFalse();
                reader.join(10_000);
                assertThat(reader.isAlive()).isFalse();
            } finally {
                release.countDown();
                stream.close();
            }
            synchronized (printed) {
                assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("first");
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
