package jsupervisor.daemon.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A fixed user table for tests: root (0), nobody (65534) and app (1000, home /home/app). */
final class FixedAccounts implements Accounts {
    private static final List<User> USERS = List.of(new User("root", 0, 0, "/root"),
            new User("nobody", 65534, 65534, "/nonexistent"), new User("app", 1000, 1000, "/home/app"));
    private static final Map<String, Integer> GROUPS = Map.of("root", 0, "nogroup", 65534, "app", 1000);

    @Override
    public Optional<User> userByName(String name) {
        return USERS.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    @Override
    public Optional<User> userByUid(int uid) {
        return USERS.stream().filter(u -> u.uid() == uid).findFirst();
    }

    @Override
    public Optional<Integer> groupIdByName(String name) {
        return Optional.ofNullable(GROUPS.get(name));
    }

    @Override
    public boolean groupIdExists(int gid) {
        return GROUPS.containsValue(gid);
    }
}
