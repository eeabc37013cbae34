package jsupervisor.daemon.web;

import java.util.List;
import java.util.Optional;

import jsupervisor.common.api.ProcessStateCode;

/**
 * The {@code action} values of {@code index.html}, with the labels Supervisor's status page shows (mirrors
 * {@code supervisor/web.py StatusView.actions_for_process} and {@code make_callback}). Every action but
 * {@link #REFRESH} changes something, so it runs only from a POST carrying the session's token (see
 * {@link ActionGuard}).
 */
enum Action {
    REFRESH("refresh", "Refresh", false),
    STOPALL("stopall", "Stop All", false),
    RESTARTALL("restartall", "Restart All", false),
    START("start", "Start", true),
    RESTART("restart", "Restart", true),
    STOP("stop", "Stop", true),
    CLEARLOG("clearlog", "Clear Log", true);

    private final String wireName;
    private final String label;
    private final boolean perProcess;

    Action(String wireName, String label, boolean perProcess) {
        this.wireName = wireName;
        this.label = label;
        this.perProcess = perProcess;
    }

    /** The {@code action=} value. */
    String wireName() {
        return wireName;
    }

    /** What the button says. */
    String label() {
        return label;
    }

    /** True when the action needs a {@code processname}. */
    boolean perProcess() {
        return perProcess;
    }

    /** Everything but a refresh changes the supervisor's state or a log. */
    boolean changesState() {
        return this != REFRESH;
    }

    static Optional<Action> of(String wireName) {
        for (Action a : values()) {
            if (a.wireName.equals(wireName)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * The process actions offered in {@code state}, in the order of the page: RUNNING gets Restart and Stop,
     * STOPPED, EXITED and FATAL get Start, and every state gets Clear Log. (The two tail links follow on the
     * page for every state.)
     */
    static List<Action> forState(ProcessStateCode state) {
        return switch (state) {
            case RUNNING -> List.of(RESTART, STOP, CLEARLOG);
            case STOPPED, EXITED, FATAL -> List.of(START, CLEARLOG);
            default -> List.of(CLEARLOG);
        };
    }
}
