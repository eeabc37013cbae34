package jsupervisor.daemon.process;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jsupervisor.daemon.config.ChannelConfig;

/**
 * Everything a {@link Spawner} needs to start one child, already resolved: the program was found and checked
 * ({@link ProgramResolver}), the command split ({@link CommandLine}), the environment built
 * ({@link ChildEnvironment}). Immutable.
 *
 * @param processName    the process name, for messages ({@code spawned: '<name>' ...})
 * @param groupName      the group name
 * @param filename       the program to execute: argv[0] itself when it has a '/', else the PATH hit
 * @param argv           the split command; argv[0] as written (not the resolved filename)
 * @param environment    the complete child environment, in insertion order
 * @param directory      {@code directory=}, or null to inherit supervisord's
 * @param umask          {@code umask=}, or null to inherit supervisord's
 * @param uid            {@code user=} resolved to a uid, or null when no user switch is wanted
 * @param user           {@code user=} as written (for {@code setpriv} and messages), or null
 * @param redirectStderr whether fd 2 goes to the stdout pipe
 * @param stdout         the stdout channel settings (log file, capture, events)
 * @param stderr         the stderr channel settings; unused when {@code redirectStderr}
 */
public record SpawnSpec(String processName, String groupName, String filename, List<String> argv,
                        Map<String, String> environment, String directory, Integer umask, Integer uid, String user,
                        boolean redirectStderr, ChannelConfig stdout, ChannelConfig stderr) {
    public SpawnSpec {
        Objects.requireNonNull(processName, "processName");
        Objects.requireNonNull(filename, "filename");
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv is empty");
        }
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }
}
