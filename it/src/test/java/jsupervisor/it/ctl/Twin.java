package jsupervisor.it.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The differential fixture: two identical daemons started from one config template, the reference
 * supervisorctl driving one and ours driving the other, so that commands which change state leave both sides
 * in the same state. {@link #same} runs one command line on both sides and asserts identical exit status,
 * stdout and stderr after {@link Masks}. Placeholders in arguments: {@code ${URL}} (unix), {@code ${HTTP}},
 * {@code ${CONF}}, {@code ${DIR}}. Used from the test thread.
 */
final class Twin implements AutoCloseable {
    /** One client and the daemon (possibly none) it talks to. */
    record Side(Client client, Daemon daemon, Path cwd) {}

    final Path root;
    final Side reference;
    final Side ours;

    private Twin(Path root, Side reference, Side ours) {
        this.root = root;
        this.reference = reference;
        this.ours = ours;
    }

    /**
     * True when the system property {@code jsupervisor.ctl.mode=daemons} asks for the daemon differential: the
     * reference client on both sides, talking to the reference daemon on one and to ours on the other.
     */
    static boolean comparingDaemons() {
        return "daemons".equals(System.getProperty("jsupervisor.ctl.mode"));
    }

    /** Two daemons on {@code template} (a resource under {@code ctl/}), processes settled. */
    static Twin start(String template, Map<String, String> vars) throws IOException {
        String text = resource(template);
        Path root = Files.createTempDirectory("jsctl");
        boolean daemons = comparingDaemons();
        Daemon a = Daemon.spawn(daemons ? DaemonKind.REFERENCE : DaemonKind.selected(), root.resolve("a"), text, vars);
        Daemon b = null;
        try {
            // both start at once: the suite spends much of its time waiting for daemons to come up
            b = Daemon.spawn(daemons ? DaemonKind.OURS : DaemonKind.selected(), root.resolve("b"), text, vars);
            a.awaitStarted();
            b.awaitStarted();
            a.settle();
            b.settle();
            return new Twin(root, new Side(Client.REFERENCE, a, a.dir),
                    new Side(daemons ? Client.REFERENCE : Client.OURS, b, b.dir));
        } catch (IOException | RuntimeException | Error e) {
            a.close();
            if (b != null) {
                b.close();
            }
            throw e;
        }
    }

    /** No daemon at all: for option errors and unreachable servers. */
    static Twin withoutDaemon() throws IOException {
        Path root = Files.createTempDirectory("jsctl");
        Files.createDirectories(root.resolve("a"));
        Files.createDirectories(root.resolve("b"));
        return new Twin(root, new Side(Client.REFERENCE, null, root.resolve("a")),
                new Side(comparingDaemons() ? Client.REFERENCE : Client.OURS, null, root.resolve("b")));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = Twin.class.getResourceAsStream("/ctl/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource ctl/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<String> expand(Side side, List<String> args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            if (side.daemon() != null) {
                Daemon d = side.daemon();
                a = a.replace("${URL}", d.unixUrl()).replace("${HTTP}", d.httpUrl())
                        .replace("${CONF}", d.conf.toString()).replace("${DIR}", d.dir.toString());
            } else {
                a = a.replace("${DIR}", side.cwd().toString());
            }
            out.add(a);
        }
        return out;
    }

    /** Runs {@code args} on both sides and asserts the same outcome; returns the masked outcome. */
    Client.Result same(String... args) throws Exception {
        return sameWithInput("", args);
    }

    /**
     * {@link #same}, but the stdout lines may come in any order: for answers whose order the daemon does not
     * define (the results of stopping several processes arrive as each one stops).
     */
    Client.Result sameLinesAnyOrder(String... args) throws Exception {
        return compare("", false, args);
    }

    /** {@link #same} with {@code stdin} fed to both clients. */
    Client.Result sameWithInput(String stdin, String... args) throws Exception {
        return compare(stdin, true, args);
    }

    private Client.Result compare(String stdin, boolean ordered, String... args) throws Exception {
        // the two sides share nothing, so they run side by side to halve the suite's wall time
        java.util.concurrent.CompletableFuture<Client.Result> refRun = new java.util.concurrent.CompletableFuture<>();
        Thread t = Thread.ofPlatform().name("reference-client").start(() -> {
            try {
                refRun.complete(runMasked(reference, stdin, List.of(args)));
            } catch (Throwable e) {
                refRun.completeExceptionally(e);
            }
        });
        Client.Result our = runMasked(ours, stdin, List.of(args));
        t.join();
        Client.Result ref;
        try {
            ref = refRun.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw new AssertionError(e.getCause());
        }
        String what = String.join(" ", args);
        if (ordered) {
            assertThat(our.stdout()).as("stdout of: %s", what).isEqualTo(ref.stdout());
        } else {
            assertThat(our.stdout().lines().sorted().toList()).as("stdout lines of: %s", what)
                    .isEqualTo(ref.stdout().lines().sorted().toList());
        }
        assertThat(our.stderr()).as("stderr of: %s", what).isEqualTo(ref.stderr());
        assertThat(our.exitCode()).as("exit status of: %s", what).isEqualTo(ref.exitCode());
        return ref;
    }

    private static Client.Result runMasked(Side side, String stdin, List<String> args) throws Exception {
        Client.Result r = side.client().run(side.cwd(), stdin, expand(side, args));
        if (side.daemon() != null && side.daemon().alive()) {
            side.daemon().settle();
        }
        return new Client.Result(r.exitCode(), Masks.apply(r.stdout(), side), Masks.apply(r.stderr(), side));
    }

    /** Applies the same set-up to both daemons. */
    void onBoth(DaemonAction action) throws Exception {
        action.apply(reference.daemon());
        reference.daemon().settle();
        action.apply(ours.daemon());
        ours.daemon().settle();
    }

    /** Something done to a daemon outside the clients under test. */
    @FunctionalInterface
    interface DaemonAction {
        void apply(Daemon d) throws Exception;
    }

    @Override
    public void close() throws IOException {
        for (Side s : List.of(reference, ours)) {
            if (s.daemon() != null) {
                s.daemon().close();
            }
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
