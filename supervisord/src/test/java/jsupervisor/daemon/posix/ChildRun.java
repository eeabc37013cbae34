package jsupervisor.daemon.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Test driver for one spawned child: collects its stdout/stderr and exit status through a private epoll set,
 * the way the supervisor loop will. Closing it kills (SIGKILL) and reaps the child if it is still there, so
 * every IT reaps everything it spawns.
 */
final class ChildRun implements AutoCloseable {
    private static final long OUT = 1;
    private static final long ERR = 2;
    private static final long EXIT = 3;

    final SpawnResult.Spawned child;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private WaitStatus status;

    private ChildRun(SpawnResult.Spawned child) {
        this.child = child;
    }

    static ChildRun start(PosixSpawner spawner, SpawnRequest request) {
        SpawnResult result = spawner.spawn(request);
        assertThat(result).isInstanceOf(SpawnResult.Spawned.class);
        return new ChildRun((SpawnResult.Spawned) result);
    }

    int pid() {
        return child.pid();
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Closes our stdin end so the child sees EOF. */
    void closeStdin() {
        child.stdin().close();
    }

    /** Reads both pipes to EOF and reaps the child, all through epoll; fails after {@code timeout}. */
    WaitStatus finish(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[8192];
        try (Epoll epoll = Epoll.open(8)) {
            register(epoll, child.stdout(), OUT);
            register(epoll, child.stderr(), ERR);
            epoll.add(child.pidFd().fd(), Epoll.IN, EXIT);
            while (isOpen(child.stdout()) || isOpen(child.stderr()) || status == null) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new AssertionError("child " + pid() + " not finished in " + timeout
                            + "; stdout so far: " + stdout() + "; stderr: " + stderr());
                }
                int n = epoll.waitFor((int) Math.min(left, 1000));
                for (int i = 0; i < n; i++) {
                    long token = epoll.token(i);
                    if (token == EXIT) {
                        Optional<WaitStatus> reaped = child.pidFd().reap();
                        assertThat(reaped).as("pidfd readable implies reapable").isPresent();
                        status = reaped.get();
                        epoll.delete(child.pidFd().fd());
                    } else {
                        drain(epoll, token == OUT ? child.stdout() : child.stderr(), token == OUT ? out : err, buf);
                    }
                }
            }
        }
        return status;
    }

    private static boolean isOpen(Fd fd) {
        return fd != null && fd.isOpen();
    }

    private static void register(Epoll epoll, Fd fd, long token) {
        if (fd != null) {
            epoll.add(fd, Epoll.IN, token);
        }
    }

    private static void drain(Epoll epoll, Fd fd, ByteArrayOutputStream sink, byte[] buf) {
        while (true) {
            int n = fd.read(buf, 0, buf.length);
            if (n == Fd.WOULD_BLOCK) {
                return;
            }
            if (n == 0) {
                epoll.delete(fd);
                fd.close();
                return;
            }
            sink.write(buf, 0, n);
        }
    }

    @Override
    public void close() {
        try {
            if (status == null && !child.pidFd().isReaped()) {
                Signals.kill(pid(), Signals.SIGKILL);
                Await.until("pid " + pid() + " to be reapable", () -> {
                    Optional<WaitStatus> s = child.pidFd().reap();
                    s.ifPresent(w -> status = w);
                    return s.isPresent();
                }, Duration.ofSeconds(10));
            }
        } finally {
            child.pidFd().close();
            for (Fd fd : new Fd[] {child.stdin(), child.stdout(), child.stderr()}) {
                if (fd != null) {
                    fd.close();
                }
            }
        }
    }
}
