package jsupervisor.daemon;

import java.io.PrintStream;

import jsupervisor.daemon.config.Configuration;
import jsupervisor.daemon.config.GroupConfig;
import jsupervisor.daemon.config.HttpServerConfig;
import jsupervisor.daemon.config.ProcessConfig;

/**
 * What supervisord would do with a valid configuration, printed instead of doing it: the servers it would
 * open and the processes it would start, in start order. This is the daemon's behaviour until the supervision
 * engine exists (issue #3); it makes {@code bin/supervisord -c FILE} a configuration checker meanwhile.
 */
final class PlannedRun {
    private final Configuration config;

    PlannedRun(Configuration config) {
        this.config = config;
    }

    void print(PrintStream out) {
        out.println("Configuration " + config.configFile() + " is valid.");
        for (String info : config.parseInfos()) {
            out.println("INFO " + info);
        }
        for (String warning : config.parseWarnings()) {
            out.println("WARN " + warning);
        }
        for (HttpServerConfig s : config.servers()) {
            String where = switch (s) {
                case HttpServerConfig.Unix u -> "unix://" + u.file();
                case HttpServerConfig.Inet i -> "http://" + (i.host().isEmpty() ? "*" : i.host()) + ":" + i.port();
            };
            out.println("Would serve [" + s.section() + "] on " + where
                    + (s.username() == null ? " without authentication" : " for user " + s.username()));
        }
        out.println("Would run, in start order (the supervision engine is not built yet):");
        for (GroupConfig g : config.groups()) {
            for (ProcessConfig p : g.processes()) {
                String ns = g.name().equals(p.name()) ? p.name() : g.name() + ":" + p.name();
                out.printf("  %-30s priority %-5d %s%s%n", ns, p.priority(), p.autostart() ? "" : "(autostart=false) ",
                        p.command());
            }
        }
    }
}
