package jsupervisor.daemon.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jsupervisor.daemon.posix.PosixException;
import jsupervisor.daemon.posix.ResourceLimits;
import jsupervisor.daemon.posix.ResourceLimits.Limit;
import jsupervisor.daemon.posix.ResourceLimits.Resource;

/**
 * Raises RLIMIT_NOFILE and RLIMIT_NPROC to {@code minfds} / {@code minprocs} at first start, as Supervisor's
 * {@code set_rlimits_or_exit} does: when the soft limit is finite and below the minimum, set it to the minimum
 * and the hard limit to {@code max(hard, minimum)}. Success queues an INFO line; failure is a usage error with
 * Supervisor's text. Runs once, on the main thread, before the loop exists.
 */
public final class Rlimits {
    /** The outcome: INFO lines to queue, or the usage error to print. */
    public record Result(List<String> infos, Optional<String> error) {}

    private Rlimits() {}

    public static Result raise(long minfds, long minprocs) {
        List<String> infos = new ArrayList<>();
        Optional<String> error = raiseOne(Resource.NOFILE, minfds, infos, fdsMessage(minfds));
        if (error.isEmpty()) {
            error = raiseOne(Resource.NPROC, minprocs, infos, procsMessage(minprocs));
        }
        return new Result(infos, error);
    }

    private static Optional<String> raiseOne(Resource r, long min, List<String> infos, String failureTemplate) {
        Limit current = ResourceLimits.get(r);
        if (current.softIsInfinite() || current.soft() >= min) {
            return Optional.empty();
        }
        long hard = current.hardIsInfinite() ? ResourceLimits.INFINITY : Math.max(current.hard(), min);
        try {
            ResourceLimits.set(r, new Limit(min, hard));
        } catch (PosixException e) {
            // Supervisor prints the hard limit it asked for, which is the minimum when the old one was lower
            return Optional.of(failureTemplate.replace("<hard>", Long.toString(hard)));
        }
        infos.add("Increased " + r.cName() + " limit to " + min);
        return Optional.empty();
    }

    private static String fdsMessage(long min) {
        return "The minimum number of file descriptors required to run this process is " + min + " as per the "
                + "\"minfds\" command-line argument or config file setting. The current environment will only allow "
                + "you to open <hard> file descriptors.  Either raise the number of usable file descriptors in your "
                + "environment (see README.rst) or lower the minfds setting in the config file to allow the process "
                + "to start.";
    }

    private static String procsMessage(long min) {
        return "The minimum number of available processes required to run this program is " + min + " as per the "
                + "\"minprocs\" command-line argument or config file setting. The current environment will only "
                + "allow you to open <hard> processes.  Either raise the number of usable processes in your "
                + "environment (see README.rst) or lower the minprocs setting in the config file to allow the "
                + "program to start.";
    }
}
