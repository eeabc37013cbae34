package jsupervisor.daemon.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The converters of {@code supervisor/datatypes.py} that consult the OS: {@code ~} expansion, existing
 * directories and paths, user and group names. The OS is reached only through the injected {@link Accounts},
 * environment and working directory, so tests can pin every answer. Immutable; thread-safe if its
 * {@link Accounts} is.
 */
public final class OsDatatypes {
    private final Accounts accounts;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final int currentUid;

    public OsDatatypes(Accounts accounts, Map<String, String> environment, Path workingDirectory, int currentUid) {
        this.accounts = accounts;
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.currentUid = currentUid;
    }

    public Accounts accounts() {
        return accounts;
    }

    public int currentUid() {
        return currentUid;
    }

    /** Python {@code os.path.expanduser}. */
    public String expandUser(String path) {
        if (!path.startsWith("~")) {
            return path;
        }
        int slash = path.indexOf('/', 1);
        int i = slash < 0 ? path.length() : slash;
        String home;
        if (i == 1) {
            home = environment.get("HOME");
            if (home == null) {
                home = accounts.userByUid(currentUid).map(Accounts.User::home).orElse(null);
                if (home == null) {
                    return path;
                }
            }
        } else {
            Optional<Accounts.User> user = accounts.userByName(path.substring(1, i));
            if (user.isEmpty()) {
                return path;
            }
            home = user.get().home();
        }
        while (home.endsWith("/") && home.length() > 0) {
            home = home.substring(0, home.length() - 1);
        }
        String result = home + path.substring(i);
        return result.isEmpty() ? "/" : result;
    }

    /** Supervisor's {@code normalize_path}: {@code ~} expanded, made absolute against the CWD, normalised. */
    public String normalizePath(String v) {
        return absolute(expandUser(v));
    }

    /** Python {@code os.path.normpath(os.path.abspath(p))}. */
    public String absolute(String p) {
        Path path = Path.of(p);
        if (!path.isAbsolute()) {
            path = workingDirectory.resolve(path);
        }
        return path.normalize().toString();
    }

    /** {@code existing_directory}: the {@code ~}-expanded value, which must be a directory. */
    public String existingDirectory(String v) throws InvalidValueException {
        String nv = expandUser(v);
        if (!nv.isEmpty() && Files.isDirectory(resolve(nv))) { // os.path.isdir('') is False
            return nv;
        }
        throw new InvalidValueException(v + " is not an existing directory");
    }

    /** {@code existing_dirpath}: the parent directory must exist; a bare file name is accepted as is. */
    public String existingDirpath(String v) throws InvalidValueException {
        String nv = expandUser(v);
        int slash = nv.lastIndexOf('/');
        if (slash < 0) {
            return nv;
        }
        String dir = slash == 0 ? "/" : nv.substring(0, slash);
        if (Files.isDirectory(resolve(dir))) {
            return nv;
        }
        throw new InvalidValueException("The directory named as part of the path " + v + " does not exist");
    }

    /** {@code logfile_name}: NONE/OFF, AUTO, syslog (any case) or an existing dirpath. */
    public LogTarget logfileName(String val) throws InvalidValueException {
        String l = val.toLowerCase(Locale.ROOT);
        return switch (l) {
            case "none", "off" -> LogTarget.NONE;
            case "auto" -> LogTarget.AUTO;
            case "syslog" -> LogTarget.SYSLOG;
            default -> LogTarget.file(existingDirpath(val));
        };
    }

    /** {@code name_to_uid}: a user name or a numeric uid that exists. */
    public int nameToUid(String name) throws InvalidValueException {
        Long numeric = Datatypes.parsePythonInt(name, 10);
        if (numeric == null) {
            return accounts.userByName(name).map(Accounts.User::uid)
                    .orElseThrow(() -> new InvalidValueException("Invalid user name " + name));
        }
        if (numeric < Integer.MIN_VALUE || numeric > Integer.MAX_VALUE
                || accounts.userByUid(numeric.intValue()).isEmpty()) {
            throw new InvalidValueException("Invalid user id " + name);
        }
        return numeric.intValue();
    }

    /** {@code gid_for_uid}: the primary group of a uid known to exist. */
    public int gidForUid(int uid) {
        return accounts.userByUid(uid).map(Accounts.User::gid).orElse(-1);
    }

    /** {@code colon_separated_user_group}: {@code user} gives (uid, -1); {@code user:group} both ids. */
    public int[] userAndGroup(String arg) throws InvalidValueException {
        try {
            int colon = arg.indexOf(':');
            if (colon < 0) {
                return new int[] {nameToUid(arg), -1};
            }
            return new int[] {nameToUid(arg.substring(0, colon)), nameToGid(arg.substring(colon + 1))};
        } catch (InvalidValueException e) {
            throw new InvalidValueException("Invalid user:group definition " + arg);
        }
    }

    private int nameToGid(String name) throws InvalidValueException {
        Long numeric = Datatypes.parsePythonInt(name, 10);
        if (numeric == null) {
            return accounts.groupIdByName(name)
                    .orElseThrow(() -> new InvalidValueException("Invalid group name " + name));
        }
        if (!accounts.groupIdExists(numeric.intValue())) {
            throw new InvalidValueException("Invalid group id " + name);
        }
        return numeric.intValue();
    }

    private Path resolve(String p) {
        Path path = Path.of(p);
        return path.isAbsolute() ? path : workingDirectory.resolve(path);
    }
}
