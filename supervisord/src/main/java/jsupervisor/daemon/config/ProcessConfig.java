package jsupervisor.daemon.config;

import java.util.List;
import java.util.Map;

/**
 * Everything needed to run one process, with all expansions done: one record per process of a
 * {@code [program:x]}, {@code [eventlistener:x]} or {@code [fcgi-program:x]} section (numprocs of them).
 * Mirrors the attributes of Supervisor's {@code ProcessConfig}. Immutable.
 *
 * @param umask       null when the process inherits supervisord's umask
 * @param uid         null when no {@code user=} is set
 * @param user        the {@code user=} text as written, or null
 * @param directory   the {@code directory=} text as written (checked only at spawn), or null
 * @param environment the program's {@code environment=} merged over {@code [supervisord] environment}
 * @param serverurl   null for AUTO (use supervisord's own URL)
 */
public record ProcessConfig(
        String name,
        String command,
        String directory,
        Integer umask,
        int priority,
        boolean autostart,
        AutoRestart autorestart,
        int startsecs,
        int startretries,
        Integer uid,
        String user,
        ChannelConfig stdout,
        ChannelConfig stderr,
        int stopsignal,
        int stopwaitsecs,
        boolean stopasgroup,
        boolean killasgroup,
        List<Integer> exitcodes,
        boolean redirectStderr,
        Map<String, String> environment,
        String serverurl) implements PriorityOrdered {

    public ProcessConfig {
        exitcodes = List.copyOf(exitcodes);
        environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
    }
}
