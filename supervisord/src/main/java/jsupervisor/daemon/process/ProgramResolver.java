package jsupervisor.daemon.process;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jsupervisor.common.ini.PythonRepr;
import jsupervisor.daemon.config.ProcessConfig;
import jsupervisor.daemon.process.FileSystem.FileStat;
import jsupervisor.daemon.process.ResolvedCommand.Reason;
import jsupervisor.daemon.process.ResolvedCommand.Rejected;

/**
 * Turns a process's {@code command=} into a checked program and argv, before any spawn: mirrors
 * {@code supervisor/process.py Subprocess.get_execv_args} and {@code supervisor/options.py check_execv_args}.
 * Used both by spawning and by startProcess's pre-check. Immutable; call on the loop thread (it stats files).
 */
public final class ProgramResolver {
    /** Supervisor's fallback when supervisord has no (or an empty) PATH. */
    static final List<String> DEFAULT_PATH = List.of("/bin", "/usr/bin", "/usr/local/bin");

    private final FileSystem fileSystem;
    private final List<String> supervisordPath;

    /**
     * @param supervisordEnvironment supervisord's own environment (only PATH is read)
     */
    public ProgramResolver(FileSystem fileSystem, Map<String, String> supervisordEnvironment) {
        this.fileSystem = fileSystem;
        String path = supervisordEnvironment.get("PATH");
        this.supervisordPath = path == null || path.isEmpty() ? DEFAULT_PATH : splitPath(path);
    }

    /** Parses, finds and checks the program of {@code config}. */
    public ResolvedCommand resolve(ProcessConfig config) {
        CommandLine.Split split = CommandLine.split(config.command());
        // instanceof, not a pattern switch: a switch site spins a class at its first run (bench/README.md)
        if (split instanceof CommandLine.Error e) {
            return new Rejected(Reason.BAD_COMMAND, e.message());
        }
        return resolve(((CommandLine.Words) split).argv(), config.environment());
    }

    private ResolvedCommand resolve(List<String> argv, Map<String, String> programEnvironment) {
        String program = argv.getFirst();
        String filename = program;
        Optional<FileStat> st;
        if (program.contains("/")) {
            st = fileSystem.stat(program);
        } else {
            st = Optional.empty();
            for (String dir : searchPath(programEnvironment)) {
                String candidate = join(dir, program);
                st = fileSystem.stat(candidate);
                if (st.isPresent()) {
                    // the first hit wins, even a directory (supervisor/process.py get_execv_args)
                    filename = candidate;
                    break;
                }
            }
        }
        return check(filename, argv, st);
    }

    /** The checks of {@code check_execv_args}, in its order. */
    private ResolvedCommand check(String filename, List<String> argv, Optional<FileStat> st) {
        if (st.isEmpty()) {
            return new Rejected(Reason.NOT_FOUND, "can't find command " + PythonRepr.of(filename));
        }
        if (st.get().directory()) {
            return new Rejected(Reason.NOT_EXECUTABLE, "command at " + PythonRepr.of(filename) + " is a directory");
        }
        if (!st.get().anyExecuteBit()) {
            return new Rejected(Reason.NOT_EXECUTABLE, "command at " + PythonRepr.of(filename) + " is not executable");
        }
        if (!fileSystem.isExecutable(filename)) {
            return new Rejected(Reason.NO_PERMISSION, "no permission to run command " + PythonRepr.of(filename));
        }
        return new ResolvedCommand.Runnable(filename, argv);
    }

    /** The program's own PATH (even an empty one) if its environment sets it, else supervisord's. */
    private List<String> searchPath(Map<String, String> programEnvironment) {
        String own = programEnvironment.get("PATH");
        return own != null ? splitPath(own) : supervisordPath;
    }

    private static List<String> splitPath(String path) {
        return Arrays.asList(path.split(":", -1));
    }

    /** {@code os.path.join(dir, name)} for a name without '/'. */
    private static String join(String dir, String name) {
        if (dir.isEmpty() || dir.endsWith("/")) {
            return dir + name;
        }
        return dir + "/" + name;
    }
}
