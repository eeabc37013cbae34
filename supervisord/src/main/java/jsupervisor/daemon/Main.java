package jsupervisor.daemon;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jsupervisor.common.api.Versions;
import jsupervisor.daemon.cli.DaemonCommandLine;
import jsupervisor.daemon.cli.DaemonOptions;
import jsupervisor.daemon.cli.HelpText;
import jsupervisor.daemon.config.ConfigException;
import jsupervisor.daemon.config.ConfigFileSearch;
import jsupervisor.daemon.config.ConfigLoader;
import jsupervisor.daemon.config.Configuration;
import jsupervisor.daemon.config.HostFacts;
import jsupervisor.daemon.config.OsDatatypes;
import jsupervisor.daemon.lifecycle.SystemAccounts;
import jsupervisor.daemon.lifecycle.Daemonizer;
import jsupervisor.daemon.loop.DaemonSignals;
import jsupervisor.daemon.pidproxy.Reexec;
import jsupervisor.daemon.posix.NativeWarmUp;
import jsupervisor.daemon.posix.Signals;

/**
 * supervisord's entry point: command line, then configuration, then the run. Every user error ends as
 * Supervisor's usage error (message, help hint, exit 2); no Java stack trace reaches the user.
 */
public final class Main {
    static final int EXIT_USAGE = 2;

    private Main() {}

    public static void main(String[] args) {
        String argv0 = System.getProperty("jsupervisor.argv0", "supervisord");
        int status;
        try {
            status = run(argv0, Arrays.asList(args), System.getenv(), System.out, System.err);
        } catch (RuntimeException | Error e) {
            System.err.println("Error: internal error in jsupervisor: " + e);
            System.err.println("For help, use " + argv0 + " -h");
            status = EXIT_USAGE;
        }
        System.out.flush();
        System.exit(status);
    }

    /** The whole program minus the JVM exit, so tests can drive it. */
    static int run(String argv0, List<String> args, Map<String, String> environment, PrintStream out,
                   PrintStream err) {
        // what our own re-exec added to the environment is not the user's: %(ENV_x)s must not see it
        Map<String, String> env = new java.util.LinkedHashMap<>(environment);
        Reexec.scrub(env);
        Path cwd = Path.of("").toAbsolutePath();
        HostFacts host = HostFacts.current(env, cwd);
        OsDatatypes os = new OsDatatypes(new SystemAccounts(), env, cwd, host.uid());
        try {
            DaemonCommandLine.Outcome outcome = new DaemonCommandLine(os).parse(args);
            // instanceof, not a pattern switch: a switch site spins a class at its first run (bench/README.md),
            // here on the way to every daemon's first spawn
            if (outcome instanceof DaemonCommandLine.Run r) {
                return start(r.options(), argv0, cwd, env, host, os, err);
            }
            if (outcome instanceof DaemonCommandLine.Help) {
                out.print(HelpText.forProgram(argv0));
                return 0;
            }
            if (outcome instanceof DaemonCommandLine.Version) {
                out.println(Versions.SUPERVISOR_VERSION);
                return 0;
            }
            throw new IllegalStateException("unknown command-line outcome: " + outcome);
        } catch (DaemonCommandLine.UsageException e) {
            return usage(argv0, e.getMessage(), null, err);
        }
    }

    /**
     * Loads the configuration and runs the daemon: in this process with {@code -n} (re-executed once so that
     * every signal, QUIT included, reaches the loop), or in a re-spawned background process otherwise.
     */
    private static int start(DaemonOptions cli, String argv0, Path cwd, Map<String, String> env, HostFacts host,
                             OsDatatypes os, PrintStream err) {
        boolean daemonChild = Daemonizer.isDaemonChild(env);
        PrintStream errors = daemonChild ? Daemonizer.reportStream() : err;
        NativeWarmUp.start(); // reading the configuration needs no native calls: link them meanwhile
        boolean init = ProcessHandle.current().pid() == 1;
        // -n on the command line: re-execute at once, so that only the final JVM reads the configuration (1000
        // programs take a while to read); with nodaemon=true only in the file, the file has to be read first
        boolean earlyReexec = Boolean.TRUE.equals(cli.nodaemon()) && !daemonChild;
        try {
            DaemonSignals signals = null;
            if (earlyReexec && !Reexec.done()) {
                signals = reexecForSignals(init, errors);
            }
            // the search warning is printed once: before a late re-exec, or after an early one
            boolean warn = !Reexec.reexecuted() || earlyReexec;
            Configuration config = load(cli, argv0, cwd, env, host, os, errors, warn, Map.of());
            if (!config.supervisord().nodaemon() && !daemonChild) {
                String failure = Daemonizer.startDaemon(env);
                if (failure == null) {
                    return 0;
                }
                err.print(failure);
                return EXIT_USAGE;
            }
            if (signals == null) {
                signals = daemonChild || Reexec.done() ? DaemonSignals.throughSignalFd(init)
                        : reexecForSignals(init, errors);
            }
            Daemon.Reloader reloader = remembered -> load(cli, argv0, cwd, env, host, os, errors, false, remembered);
            Runnable started = daemonChild ? () -> Daemonizer.reportStarted(errors) : () -> { };
            return new Daemon(Daemonizer.scrub(env)).run(config, reloader, signals, started);
        } catch (ConfigException e) {
            return usage(argv0, e.getMessage(), e.where().map(w -> w.describe()).orElse(null), errors);
        } catch (Daemon.StartupException e) {
            return usage(argv0, e.getMessage(), null, errors);
        } catch (java.io.IOException e) {
            return usage(argv0, "could not start the daemon: " + e.getMessage(), null, errors);
        }
    }

    /**
     * Re-executes this JVM with the daemon's signals blocked, to read them from a signalfd (QUIT included);
     * returns only if that failed, with the signals left to JVM handlers.
     */
    private static DaemonSignals reexecForSignals(boolean init, PrintStream errors) {
        Signals.blockInThisThread(DaemonSignals.toBlock(init));
        String why = Reexec.withSignalsLeftToUs(); // returns only if the exec failed
        Signals.unblockInThisThread(DaemonSignals.toBlock(init));
        errors.println("jsupervisor: " + why + "; SIGQUIT will not be handled");
        return DaemonSignals.throughHandlers();
    }

    /** @param warnAboutSearch print Supervisor's warning about searching for the file as root (once per run) */
    private static Configuration load(DaemonOptions cli, String argv0, Path cwd, Map<String, String> env,
                                      HostFacts host, OsDatatypes os, PrintStream err, boolean warnAboutSearch,
                                      Map<String, String> remembered) throws ConfigException {
        String file = cli.configFile();
        if (file == null) {
            if (host.uid() == 0 && warnAboutSearch && !Daemonizer.isDaemonChild(env)) {
                err.println("UserWarning: Supervisord is running as root and it is searching for its "
                        + "configuration file in default locations (including its current working directory); you "
                        + "probably want to specify a \"-c\" argument specifying an absolute path to a "
                        + "configuration file for improved security.");
            }
            List<String> paths = ConfigFileSearch.searchPaths(argv0);
            file = ConfigFileSearch.find(paths, cwd).orElseThrow(() -> new ConfigException(
                    "No config file found at default paths (" + String.join(", ", paths) + "); use the -c option "
                            + "to specify a config file at a different path"));
        }
        return new ConfigLoader(os, env, host.nodeName(), host.tempDir()).load(file, cli, remembered);
    }

    private static int usage(String argv0, String message, String where, PrintStream err) {
        StringBuilder b = new StringBuilder("Error: ").append(message).append('\n');
        if (where != null) {
            b.append("  ").append(where).append('\n');
        }
        b.append("For help, use ").append(argv0).append(" -h\n");
        err.print(b);
        err.flush();
        return EXIT_USAGE;
    }
}
