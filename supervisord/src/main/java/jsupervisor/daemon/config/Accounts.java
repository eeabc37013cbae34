package jsupervisor.daemon.config;

import java.util.Optional;

/**
 * The OS's user and group database as the configuration needs it (names to ids, home directories for
 * {@code ~user}). An interface so that tests can supply a fixed table and the daemon can use the C library's
 * {@code getpwnam_r} (NSS: LDAP, sssd) where it is available.
 */
public interface Accounts {
    /** A passwd entry. */
    record User(String name, int uid, int gid, String home) {}

    Optional<User> userByName(String name);

    Optional<User> userByUid(int uid);

    /** The gid of a group name, if the group exists. */
    Optional<Integer> groupIdByName(String name);

    boolean groupIdExists(int gid);
}
