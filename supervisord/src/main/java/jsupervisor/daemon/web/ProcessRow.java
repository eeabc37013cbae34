package jsupervisor.daemon.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jsupervisor.common.api.ProcessInfo;
import jsupervisor.common.api.ProcessStateCode;

/**
 * One line of the status table, derived from a process's {@code getProcessInfo} struct: what both the HTML page
 * and the JSON view show, so the two cannot disagree. Immutable.
 *
 * @param namespec    {@code group:name}, or {@code name} when both are equal
 * @param status      the lower-cased state name the page shows ({@code running})
 * @param cssClass    {@link StateStyle#cssClass}
 * @param actions     the state-dependent actions ({@link Action#forState})
 * @param groupShown  true when the process belongs to a named group ({@code namespec} has a colon), which the
 *                    page then shows as a heading
 */
record ProcessRow(String namespec, String group, String name, int state, String statename, String status,
                  String cssClass, String description, List<Action> actions, boolean groupShown) {

    /** Supervisor's page order: by group name, then process name. */
    static final Comparator<ProcessRow> ORDER = Comparator.comparing(ProcessRow::group)
            .thenComparing(ProcessRow::name);

    static ProcessRow of(ProcessInfo info) {
        ProcessStateCode code = stateOf(info.state());
        return new ProcessRow(info.namespec(), info.group(), info.name(), info.state(), info.statename(),
                info.statename().toLowerCase(Locale.ROOT), StateStyle.cssClass(code), info.description(),
                Action.forState(code), !info.group().equals(info.name()));
    }

    /** A code this daemon does not define is shown like UNKNOWN rather than failing the whole page. */
    private static ProcessStateCode stateOf(int code) {
        try {
            return ProcessStateCode.fromCode(code);
        } catch (IllegalArgumentException e) {
            return ProcessStateCode.UNKNOWN;
        }
    }
}
