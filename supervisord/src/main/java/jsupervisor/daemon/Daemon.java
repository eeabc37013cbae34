package jsupervisor.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import jsupervisor.common.api.SupervisorStateCode;
import jsupervisor.daemon.config.ConfigException;
import jsupervisor.daemon.config.Configuration;
import jsupervisor.daemon.config.SupervisordConfig;
import jsupervisor.daemon.lifecycle.AutoChildLogs;
import jsupervisor.daemon.lifecycle.Daemonizer;
import jsupervisor.daemon.lifecycle.PidFile;
import jsupervisor.daemon.lifecycle.Privileges;
import jsupervisor.daemon.lifecycle.Rlimits;
import jsupervisor.daemon.logging.DaemonLog;
import jsupervisor.daemon.logging.LocalClock;
import jsupervisor.daemon.logging.LogLevel;
import jsupervisor.daemon.logging.RotatingFileSink;
import jsupervisor.daemon.logging.StartupMessages;
import jsupervisor.daemon.loop.DaemonSignals;
import jsupervisor.daemon.loop.LoopAccess;
import jsupervisor.daemon.loop.SupervisorLoop;
import jsupervisor.daemon.loop.Wiring;
import jsupervisor.daemon.posix.ParentStdio;
import jsupervisor.daemon.posix.ThisProcess;
import jsupervisor.daemon.rpc.ConfigSource;

/**
 * supervisord's life after its configuration is loaded, in Supervisor's start-up order (REFERENCE.md §3.2):
 * privileges, rlimits, the main log and the queued parse messages, AUTO log cleanup, the groups, the signals,
 * the pidfile, then the loop; and a reload (SIGHUP) starts over in the same process with a freshly read
 * configuration. Runs on the main thread, which becomes the loop thread.
 */
final class Daemon {
    /** Reads the configuration again, with the same command line. */
    @FunctionalInterface
    interface Reloader {
        /** @param remembered {@code [supervisord] environment=} entries a reread still knows (empty to reload) */
        Configuration reload(Map<String, String> remembered) throws ConfigException;
    }

    /** A start-up failure that is a usage error (exit 2) with Supervisor's text. */
    static final class StartupException extends Exception {
        StartupException(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, String> environment;
    /** The event bus and tick source live as long as the daemon: the event serial is not reset by a reload. */
    private final jsupervisor.daemon.events.EventBus bus = new jsupervisor.daemon.events.EventBus();
    private final jsupervisor.daemon.events.TickSource ticks = new jsupervisor.daemon.events.TickSource();
    /** The web UI's token secret lives as long as the process: a page opened before a reload still works after. */
    private final jsupervisor.daemon.web.SessionTokens webTokens = jsupervisor.daemon.web.SessionTokens.random();
    private Runnable started;
    private boolean daemonized;

    Daemon(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Runs until shutdown; returns the exit status. */
    int run(Configuration first, Reloader reloader, DaemonSignals signals, Runnable started)
            throws StartupException {
        this.started = started;
        StartupMessages startup = new StartupMessages();
        applyPrivileges(first, startup);
        Rlimits.Result limits = Rlimits.raise(first.supervisord().minfds(), first.supervisord().minprocs());
        if (limits.error().isPresent()) {
            throw new StartupException(limits.error().get());
        }
        limits.infos().forEach(startup::info);
        Configuration config = first;
        while (true) {
            SupervisorStateCode mood = runOnce(config, startup, signals, reloader);
            if (mood != SupervisorStateCode.RESTARTING) {
                return 0;
            }
            startup = new StartupMessages();
            try {
                config = reloader.reload(Map.of());
            } catch (ConfigException e) {
                // the reference dies of this with a usage error; so do we, after everything has stopped
                throw new StartupException(e.getMessage());
            }
            applyPrivileges(config, startup); // Supervisor does it again at every restart, and says so again
        }
    }

    /** {@code set_uid_or_exit}: switch to {@code user=} (a no-op when already that uid) and queue what it says. */
    private static void applyPrivileges(Configuration config, StartupMessages startup) throws StartupException {
        Privileges.Result privileges = Privileges.apply(config.supervisord().uid());
        if (privileges.error().isPresent()) {
            throw new StartupException(privileges.error().get());
        }
        privileges.critical().ifPresent(startup::critical);
        privileges.info().ifPresent(startup::info);
    }

    private SupervisorStateCode runOnce(Configuration config, StartupMessages startup, DaemonSignals signals,
                                        Reloader reloader) throws StartupException {
        SupervisordConfig s = config.supervisord();
        config.parseWarnings().forEach(startup::warn);
        config.parseInfos().forEach(startup::info);
        DaemonLog log;
        try {
            log = openLog(s);
        } catch (IOException e) {
            throw new StartupException("could not open the log file " + s.logfile() + ": " + reason(e));
        }
        log.flush(startup);
        if (!s.nodaemon() && !daemonized) {
            daemonSetup(s, log); // once per process, as Supervisor daemonizes only on its first run
            daemonized = true;
        }
        AutoChildLogs autoLogs = new AutoChildLogs(Path.of(s.childlogdir()), s.identifier());
        if (!s.nocleanup()) {
            autoLogs.clean().forEach(log::warn);
        }
        PidFile pidFile = new PidFile(Path.of(s.pidfile()));
        try (SupervisorLoop loop = new SupervisorLoop(log, s.stripAnsi(), signals.signalFd(),
                signals.reapsOrphans())) {
            LoopAccess access;
            try {
                access = Wiring.wire(loop, config, autoLogs, log, environment, bus, ticks);
            } catch (jsupervisor.daemon.loop.GroupCreationException e) {
                log.critical(e.getMessage());
                throw new StartupException(e.getMessage());
            }
            // Supervisor keeps every [supervisord] environment= entry it reads in its ENV_ expansions until a
            // reload makes a new options object: a reread still expands names an earlier read defined
            Map<String, String> remembered = new HashMap<>(config.supervisord().environment());
            ConfigSource rereads = () -> {
                Configuration fresh = reloader.reload(Map.copyOf(remembered));
                remembered.putAll(fresh.supervisord().environment());
                return fresh;
            };
            try (ControlPlane control = ControlPlane.open(config, access, rereads, log, webTokens)) {
                signals.deliverTo(loop);
                long pid = ThisProcess.pid();
                if (pidFile.write(pid)) {
                    log.info("supervisord started with pid " + pid);
                } else {
                    log.critical("could not write pidfile " + pidFile.path()); // and no "started" line, as Supervisor
                }
                started.run();
                started = () -> { };
                SupervisorStateCode mood = loop.run();
                pidFile.unlink();
                return mood;
            }
        } finally {
            log.close();
        }
    }

    /** The OS's words for a file that cannot be opened (the JDK's exceptions carry only the path). */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    /** What Supervisor's daemonized child does first: chdir to {@code directory}, then the umask. */
    private static void daemonSetup(SupervisordConfig s, DaemonLog log) {
        log.info("daemonizing the supervisord process");
        if (s.directory() != null) {
            try {
                jsupervisor.daemon.posix.ThisProcess.chdir(s.directory());
                log.info("set current directory: " + jsupervisor.common.ini.PythonRepr.of(s.directory()));
            } catch (RuntimeException e) {
                log.critical("can't chdir into " + jsupervisor.common.ini.PythonRepr.of(s.directory()) + ": "
                        + e.getMessage());
            }
        }
        ThisProcess.setUmask(s.umask());
    }

    /**
     * {@code /dev/stdout} and {@code /dev/stderr} in a daemon mean the stdio of whoever started it, as in
     * Supervisor, whose handler opened them before it forked (see {@link ParentStdio}).
     */
    private static String logPath(String logfile) {
        if (!Daemonizer.isDaemonChild(System.getenv())) {
            return logfile;
        }
        int which = switch (logfile) {
            case "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1" -> 1;
            case "/dev/stderr", "/dev/fd/2", "/proc/self/fd/2" -> 2;
            default -> 0;
        };
        String kept = which == 0 ? null : ParentStdio.path(which);
        return kept != null ? kept : logfile;
    }

    private static DaemonLog openLog(SupervisordConfig s) throws IOException {
        LogLevel level = LogLevel.fromValue(s.loglevel().value()).orElse(LogLevel.INFO);
        boolean toStdout = s.nodaemon() && !s.silent();
        if (s.logfile().equals("syslog")) {
            DaemonLog log = new DaemonLog(level, LocalClock.system());
            if (toStdout) {
                log.addSink(jsupervisor.daemon.logging.StreamSink.stdout(log.sinkProblems()));
            }
            log.addSink(new jsupervisor.daemon.logging.SyslogSink("supervisord", "",
                    new jsupervisor.daemon.loop.DevLogConnector(), LocalClock.system(),
                    log.sinkProblems()));
            return log;
        }
        return DaemonLog.open(level, LocalClock.system(), Path.of(logPath(s.logfile())),
                new RotatingFileSink.Rotation(Math.max(0, s.logfileMaxbytes()), Math.max(0, s.logfileBackups())),
                toStdout);
    }
}
