package jsupervisor.daemon.lifecycle;

import java.util.Optional;

import jsupervisor.daemon.config.Accounts;
import jsupervisor.daemon.config.PasswdFileAccounts;
import jsupervisor.daemon.posix.Users;

/**
 * The OS's user database through the C library ({@code getpwnam_r}/{@code getpwuid_r}, so NSS sources such as
 * LDAP or sssd count, as they do for Supervisor's {@code pwd} module); groups from {@code /etc/group}.
 * Stateless.
 */
public final class SystemAccounts implements Accounts {
    private final PasswdFileAccounts files = PasswdFileAccounts.system();

    @Override
    public Optional<User> userByName(String name) {
        return Users.byName(name).map(p -> new User(p.name(), p.uid(), p.gid(), p.home()));
    }

    @Override
    public Optional<User> userByUid(int uid) {
        return Users.byUid(uid).map(p -> new User(p.name(), p.uid(), p.gid(), p.home()));
    }

    @Override
    public Optional<Integer> groupIdByName(String name) {
        return files.groupIdByName(name);
    }

    @Override
    public boolean groupIdExists(int gid) {
        return files.groupIdExists(gid);
    }
}
