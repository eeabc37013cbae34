package jsupervisor.daemon.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jsupervisor.daemon.posix.PosixException;
import jsupervisor.daemon.posix.Users;

/**
 * Switches supervisord itself to {@code [supervisord] user=} (or {@code -u}) at start-up, as Supervisor's
 * {@code set_uid_or_exit}: nothing to do when already that uid; refused when not root; otherwise the user's
 * groups, then the gid, then the uid. glibc broadcasts set*id calls to every thread, so this also covers JVM
 * threads. Runs once, on the main thread, before the loop exists.
 */
public final class Privileges {
    /** What happened: INFO or CRIT lines to queue, or the usage error to print. */
    public record Result(Optional<String> info, Optional<String> critical, Optional<String> error) {}

    private Privileges() {}

    /** @param uid the resolved {@code user=}, or null when none is configured */
    public static Result apply(Integer uid) {
        int current = Users.uid();
        if (uid == null) {
            if (current == 0) {
                return new Result(Optional.empty(), Optional.of("Supervisor is running as root.  Privileges were not "
                        + "dropped because no user is specified in the config file.  If you intend to run as root, "
                        + "you can set user=root in the config file to avoid this message."), Optional.empty());
            }
            return new Result(Optional.empty(), Optional.empty(), Optional.empty());
        }
        Optional<String> error = drop(uid, current);
        if (error.isPresent()) {
            return new Result(Optional.empty(), Optional.empty(), error);
        }
        return new Result(Optional.of("Set uid to user " + uid + " succeeded"), Optional.empty(), Optional.empty());
    }

    private static Optional<String> drop(int uid, int current) {
        Optional<Users.Passwd> pw = Users.byUid(uid);
        if (pw.isEmpty()) {
            return Optional.of("Can't find uid " + uid);
        }
        if (current == uid) {
            return Optional.empty();
        }
        if (current != 0) {
            return Optional.of("Can't drop privilege as nonroot user");
        }
        int gid = pw.get().gid();
        List<Integer> groups = new ArrayList<>(Users.groupList(pw.get().name(), gid));
        groups.remove(Integer.valueOf(gid));
        groups.add(0, gid);
        try {
            Users.setGroups(groups);
        } catch (PosixException e) {
            return Optional.of("Could not set groups of effective user");
        }
        try {
            Users.setGid(gid);
        } catch (PosixException e) {
            return Optional.of("Could not set group id of effective user");
        }
        Users.setUid(uid);
        return Optional.empty();
    }
}
