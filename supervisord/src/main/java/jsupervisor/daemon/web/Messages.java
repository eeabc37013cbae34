package jsupervisor.daemon.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jsupervisor.common.api.Fault;
import jsupervisor.common.xmlrpc.XmlRpcFault;
import jsupervisor.daemon.rpc.RpcAnswer;

/**
 * The texts the status page shows after an action, word for word as Supervisor's {@code web.py} writes them
 * (REFERENCE.md §8.1), so operators and scripts that read them see no difference. Stateless apart from the clock.
 */
final class Messages {
    /**
     * Python's {@code time.ctime()}: {@code Tue Nov  4 05:02:29 2026}, the day padded with a space. In a holder
     * so that the formatter is built when the web UI first shows a message, not in every daemon's start-up.
     */
    private static final class Ctime {
        static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);
    }

    private final Clock clock;

    Messages(Clock clock) {
        this.clock = clock;
    }

    /** The local time as {@code time.ctime()} prints it. */
    String ctime() {
        return Ctime.FORMAT.format(clock.instant().atZone(clock.getZone()));
    }

    String refreshed() {
        return "Page refreshed at " + ctime();
    }

    String allStopped() {
        return "All stopped at " + ctime();
    }

    String allRestarted() {
        return "All restarted at " + ctime();
    }

    static String started(String namespec) {
        return "Process " + namespec + " started";
    }

    static String stopped(String namespec) {
        return "Process " + namespec + " stopped";
    }

    static String restarted(String namespec) {
        return "Process " + namespec + " restarted";
    }

    static String cleared(String namespec) {
        return "Log for " + namespec + " cleared";
    }

    static String noSuchProcess(String namespec) {
        return "No such process named " + namespec;
    }

    /** {@code startprocess}'s error texts: a few faults get a short name, the rest the generic text. */
    static String startFailed(String namespec, XmlRpcFault fault) {
        String why = switch (Fault.fromCode(fault.faultCode()).orElse(Fault.FAILED)) {
            case NO_FILE -> "no such file";
            case NOT_EXECUTABLE -> "file not executable";
            case ALREADY_STARTED -> "already started";
            case SPAWN_ERROR -> "spawn error";
            case ABNORMAL_TERMINATION -> "abnormal termination";
            default -> unexpected(fault);
        };
        return "ERROR: Process " + namespec + ": " + why;
    }

    /** {@code unexpected rpc fault [10] BAD_NAME: foo}. */
    static String unexpected(XmlRpcFault fault) {
        return "unexpected rpc fault [" + fault.faultCode() + "] " + fault.faultString();
    }

    /**
     * What to show for an answer that is not a value: a fault in Supervisor's words, or, where Supervisor would
     * answer HTTP 500, a pointer to the main log (the detail is logged there and never sent to the browser).
     */
    static String describeFailure(RpcAnswer answer) {
        return switch (answer) {
            case RpcAnswer.Fault f -> unexpected(f.fault());
            case RpcAnswer.ServerError e -> "ERROR: unexpected error, see the supervisord log";
            case RpcAnswer.Value v -> "";
        };
    }
}
