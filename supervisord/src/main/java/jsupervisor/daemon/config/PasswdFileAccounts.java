package jsupervisor.daemon.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@link Accounts} read from {@code /etc/passwd} and {@code /etc/group} files. Used where no C library lookup is
 * wired (and in tests, with files of their own); it does not see NSS sources such as LDAP. Reads the files on
 * every call, so it is stateless and thread-safe.
 */
public final class PasswdFileAccounts implements Accounts {
    private final Path passwd;
    private final Path group;

    public PasswdFileAccounts(Path passwd, Path group) {
        this.passwd = passwd;
        this.group = group;
    }

    /** The system's files. */
    public static PasswdFileAccounts system() {
        return new PasswdFileAccounts(Path.of("/etc/passwd"), Path.of("/etc/group"));
    }

    @Override
    public Optional<User> userByName(String name) {
        return users().stream().filter(u -> u.name().equals(name)).findFirst();
    }

    @Override
    public Optional<User> userByUid(int uid) {
        return users().stream().filter(u -> u.uid() == uid).findFirst();
    }

    @Override
    public Optional<Integer> groupIdByName(String name) {
        for (String line : lines(group)) {
            String[] f = line.split(":", -1);
            if (f.length >= 3 && f[0].equals(name)) {
                try {
                    return Optional.of(Integer.parseInt(f[2]));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean groupIdExists(int gid) {
        for (String line : lines(group)) {
            String[] f = line.split(":", -1);
            if (f.length >= 3 && f[2].equals(Integer.toString(gid))) {
                return true;
            }
        }
        return false;
    }

    private List<User> users() {
        return lines(passwd).stream()
                .map(l -> l.split(":", -1))
                .filter(f -> f.length >= 6 && isInt(f[2]) && isInt(f[3]))
                .map(f -> new User(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[5]))
                .toList();
    }

    private static boolean isInt(String s) {
        try {
            Integer.parseInt(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }
}
