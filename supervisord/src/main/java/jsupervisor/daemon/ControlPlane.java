package jsupervisor.daemon;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jsupervisor.common.api.NameSpec;
import jsupervisor.daemon.config.ChannelConfig;
import jsupervisor.daemon.config.Configuration;
import jsupervisor.daemon.config.HttpServerConfig;
import jsupervisor.daemon.config.LogTarget;
import jsupervisor.daemon.config.RpcInterfaceConfig;
import jsupervisor.daemon.http.BasicAuth;
import jsupervisor.daemon.http.HttpLimits;
import jsupervisor.daemon.http.HttpRequest;
import jsupervisor.daemon.http.HttpServer;
import jsupervisor.daemon.http.HttpServerException;
import jsupervisor.daemon.http.Route;
import jsupervisor.daemon.http.ServerNotices;
import jsupervisor.daemon.logging.DaemonLog;
import jsupervisor.daemon.logging.LocalClock;
import jsupervisor.daemon.loop.LoopAccess;
import jsupervisor.daemon.process.ProcessGroup;
import jsupervisor.daemon.process.Subprocess;
import jsupervisor.daemon.rpc.ConfigSource;
import jsupervisor.daemon.rpc.RpcRegistry;
import jsupervisor.daemon.rpc.SupervisorNamespace;
import jsupervisor.daemon.tail.LogTailRoute;
import jsupervisor.daemon.web.SessionTokens;
import jsupervisor.daemon.web.StaticAssets;
import jsupervisor.daemon.web.WebRoute;

/**
 * The daemon's HTTP side, opened in Supervisor's order (REFERENCE.md §3.2 step 8): the inet servers, then the
 * unix ones, each announcing its RPC interfaces and warning when it runs without authentication. Serves
 * {@code /RPC2} (when {@code [rpcinterface:supervisor]} is configured, as Supervisor requires), {@code /logtail},
 * {@code /mainlogtail} and the web UI (its views and static assets, always, as Supervisor always installs its UI
 * handler; the UI calls the same RPC registry in-process). Created and closed on the loop thread; requests run on
 * connection threads.
 */
final class ControlPlane implements AutoCloseable {
    private static final long LOOKUP_TIMEOUT_SECONDS = 30;

    private static final java.time.Duration DRAIN = java.time.Duration.ofSeconds(2);

    private final HttpServer server;
    private final RpcRoute rpc;

    private ControlPlane(HttpServer server, RpcRoute rpc) {
        this.server = server;
        this.rpc = rpc;
    }

    /** @param webTokens the web UI's session tokens, created once per daemon process so a reload keeps them */
    static ControlPlane open(Configuration config, LoopAccess loop, ConfigSource source, DaemonLog log,
                             SessionTokens webTokens) throws Daemon.StartupException {
        List<Route> routes = new ArrayList<>();
        boolean mainInterface = config.rpcInterfaces().stream()
                .anyMatch(r -> r.factory().equals(RpcInterfaceConfig.MAIN_FACTORY));
        RpcRegistry registry = SupervisorNamespace.registry(loop, config, source);
        RpcRoute rpc = null;
        if (mainInterface) {
            rpc = new RpcRoute(registry, log);
            routes.add(rpc);
        }
        routes.add(new LogTailRoute(target -> lookup(loop, target), () -> loop.mainLog().file()));
        routes.add(new WebRoute(registry, webTokens, log::critical, LocalClock.system()));
        routes.add(new StaticAssets(Clock.systemUTC().instant()));
        ServerNotices notices = new ServerNotices() {
            @Override
            public void stderr(String line) {
                System.err.println(line);
            }

            @Override
            public void routeFailed(HttpRequest request, Throwable error) {
                log.critical("uncaptured exception serving " + request.path() + " for " + request.peer() + ": "
                        + error);
            }
        };
        HttpServer server = new HttpServer(routes, HttpLimits.DEFAULTS, notices, Clock.systemUTC());
        List<HttpServerConfig> ordered = new ArrayList<>();
        config.servers().stream().filter(s -> s instanceof HttpServerConfig.Inet).forEach(ordered::add);
        config.servers().stream().filter(s -> s instanceof HttpServerConfig.Unix).forEach(ordered::add);
        try {
            for (HttpServerConfig s : ordered) {
                server.open(s);
                for (RpcInterfaceConfig r : config.rpcInterfaces()) {
                    log.info("RPC interface '" + r.name() + "' initialized");
                }
                if (s.username() == null) {
                    log.critical(BasicAuth.unauthenticatedWarning(s.section()));
                }
            }
        } catch (HttpServerException e) {
            server.close();
            throw new Daemon.StartupException(e.getMessage());
        }
        server.start();
        return new ControlPlane(server, rpc);
    }

    /** The log file of a process channel, asked of the loop (which owns the process table). */
    private static Optional<Path> lookup(LoopAccess loop, LogTailRoute.Target target) {
        CompletableFuture<Optional<Path>> answer = new CompletableFuture<>();
        loop.submit(() -> answer.complete(find(loop, target)));
        try {
            return answer.get(LOOKUP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> find(LoopAccess loop, LogTailRoute.Target target) {
        NameSpec spec = NameSpec.parse(target.namespec());
        if (spec.process() == null) {
            return Optional.empty();
        }
        Optional<ProcessGroup> group = loop.group(spec.group());
        Optional<Subprocess> process = group.flatMap(g -> g.process(spec.process()));
        if (process.isEmpty()) {
            return Optional.empty();
        }
        ChannelConfig channel = switch (target.channel()) {
            case "stdout" -> process.get().config().stdout();
            case "stderr" -> process.get().config().stderr();
            default -> null;
        };
        if (channel == null || channel.logfile().kind() != LogTarget.Kind.FILE) {
            return Optional.empty();
        }
        return Optional.of(Path.of(channel.logfile().path()));
    }

    /** Lets answers in flight (a {@code shutdown}'s, say) reach their clients, then closes every listener. */
    @Override
    public void close() {
        if (rpc != null) {
            try {
                rpc.awaitIdle(DRAIN);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        server.close();
    }
}
