package jsupervisor.daemon.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** epoll and eventfd on their own: wake-ups from other threads, timeouts, tokens, many ready fds, errors. */
class EpollIT {

    @Test
    void eventFdWakesAWaitFromAnotherThread() throws InterruptedException {
        try (Epoll epoll = Epoll.open(16); EventFd wake = EventFd.open()) {
            epoll.add(wake.fd(), Epoll.IN, 77);
            AtomicInteger ready = new AtomicInteger(-1);
            CountDownLatch waiting = new CountDownLatch(1);
            Thread loop = Thread.ofPlatform().name("test-loop").start(() -> {
                waiting.countDown();
                ready.set(epoll.waitFor(10_000));
            });
            assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            Thread.ofVirtual().start(wake::signal).join(Duration.ofSeconds(10));
            loop.join(Duration.ofSeconds(10));
            assertThat(loop.isAlive()).isFalse();
            assertThat(ready.get()).isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(epoll.token(0)).isEqualTo(77);
            assertThat(epoll.events(0) & Epoll.IN).isNotZero();
            assertThat(wake.drain()).isEqualTo(1);
            assertThat(epoll.waitFor(0)).as("drained eventfd is quiet").isZero();
        }
    }

    /**
     * At shutdown the loop closes its eventfd while RPC threads may still signal it. A signal must then neither
     * fail (EBADF) nor reach the file that reused the number: here the read end of a pipe opened right after the
     * close, which takes the lowest free number; a stray write there would fail with EBADF too.
     */
    @Test
    void signalsRacingTheCloseNeitherFailNorReachTheNumberItFreed() throws InterruptedException {
        EventFd wake = EventFd.open();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger signalled = new AtomicInteger();
        List<Thread> signallers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            signallers.add(Thread.ofPlatform().name("signaller-" + t).start(() -> {
                try {
                    for (int i = 0; i < 20_000; i++) {
                        wake.signal();
                        signalled.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (signalled.get() < 8_000 && failure.get() == null && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // close in the thick of it, with every signaller busy
        }
        wake.close();
        try (Pipe pipe = Pipe.open()) {
            for (Thread signaller : signallers) {
                signaller.join(Duration.ofSeconds(60));
                assertThat(signaller.isAlive()).isFalse();
            }
            wake.signal();
            wake.close();
            assertThat(failure.get()).isNull();
            assertThat(pipe.readEnd().read(new byte[8], 0, 8)).isEqualTo(Fd.WOULD_BLOCK);
        }
    }

    @Test
    void signalsCoalesceUntilDrained() {
        try (EventFd wake = EventFd.open()) {
            assertThat(wake.drain()).isZero();
            wake.signal();
            wake.signal();
            wake.signal();
            assertThat(wake.drain()).isEqualTo(3);
            assertThat(wake.drain()).isZero();
            assertThat(wake.fd().isCloseOnExec()).isTrue();
            assertThat(wake.fd().isNonBlocking()).isTrue();
        }
    }

    @Test
    void timeoutReturnsZero() {
        try (Epoll epoll = Epoll.open(4); Pipe pipe = Pipe.open()) {
            epoll.add(pipe.readEnd(), Epoll.IN, 1);
            long start = System.nanoTime();
            assertThat(epoll.waitFor(50)).isZero();
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(40));
            assertThatThrownBy(() -> epoll.token(0)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void manyReadyFdsComeBackInOneWaitWithTheirTokens() {
        Pipe[] pipes = new Pipe[40];
        try (Epoll epoll = Epoll.open(64)) {
            for (int i = 0; i < pipes.length; i++) {
                pipes[i] = Pipe.open();
                // Tokens wider than 32 bits prove the whole 64-bit data field round-trips.
                epoll.add(pipes[i].readEnd(), Epoll.IN, (long) i << 40 | i);
                pipes[i].writeEnd().write(new byte[] {(byte) i}, 0, 1);
            }
            int n = epoll.waitFor(1000);
            assertThat(n).isEqualTo(pipes.length);
            long seen = 0;
            for (int i = 0; i < n; i++) {
                long token = epoll.token(i);
                assertThat(token >>> 40).isEqualTo(token & 0xff);
                seen |= 1L << (token & 0xff);
            }
            assertThat(seen).isEqualTo((1L << pipes.length) - 1);
        } finally {
            for (Pipe p : pipes) {
                if (p != null) {
                    p.close();
                }
            }
        }
    }

    @Test
    void modifyDeleteAndHangUp() {
        try (Epoll epoll = Epoll.open(4); Pipe pipe = Pipe.open()) {
            epoll.add(pipe.writeEnd(), Epoll.OUT, 5);
            assertThat(epoll.waitFor(0)).isEqualTo(1);
            assertThat(epoll.events(0)).isEqualTo(Epoll.OUT);
            epoll.modify(pipe.writeEnd(), Epoll.IN, 6);
            assertThat(epoll.waitFor(0)).isZero();
            epoll.delete(pipe.writeEnd());
            epoll.add(pipe.readEnd(), Epoll.IN, 7);
            pipe.writeEnd().close();
            assertThat(epoll.waitFor(1000)).isEqualTo(1);
            assertThat(epoll.events(0) & Epoll.HUP).isNotZero();
            assertThat(pipe.readEnd().read(new byte[1], 0, 1)).as("EOF").isZero();
        }
    }

    @Test
    void nonBlockingReadsAndWritesReportWouldBlockAndBrokenPipe() {
        try (Pipe pipe = Pipe.open()) {
            assertThat(pipe.readEnd().read(new byte[8], 0, 8)).isEqualTo(Fd.WOULD_BLOCK);
            byte[] chunk = new byte[65536];
            int total = 0;
            int n;
            while ((n = pipe.writeEnd().write(chunk, 0, chunk.length)) > 0) {
                total += n;
            }
            assertThat(n).isEqualTo(Fd.WOULD_BLOCK);
            assertThat(total).isPositive();
            pipe.readEnd().close();
            assertThat(pipe.writeEnd().write(chunk, 0, 1)).isEqualTo(Fd.BROKEN_PIPE);
        }
    }

    @Test
    void errorsNameTheCallAndFd() {
        try (Epoll epoll = Epoll.open(4)) {
            Pipe pipe = Pipe.open();
            int number = pipe.readEnd().value();
            epoll.add(pipe.readEnd(), Epoll.IN, 1);
            assertThatThrownBy(() -> epoll.add(pipe.readEnd(), Epoll.IN, 1))
                    .isInstanceOf(PosixException.class)
                    .hasMessage("epoll_ctl(ADD, fd=" + number + "): EEXIST (File exists)");
            pipe.close();
            assertThatThrownBy(pipe.readEnd()::value).isInstanceOf(IllegalStateException.class);
            Fd stale = Fd.adopt(number);
            assertThatThrownBy(() -> epoll.add(stale, Epoll.IN, 1))
                    .isInstanceOf(PosixException.class)
                    .hasMessage("epoll_ctl(ADD, fd=" + number + "): EBADF (Bad file descriptor)");
        }
        assertThatThrownBy(() -> Epoll.open(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
