package jsupervisor.daemon.web;

import jsupervisor.common.api.ProcessStateCode;

/**
 * The CSS class of a state cell, as Supervisor's {@code StatusView.css_class_for_state} picks it: RUNNING is
 * {@code statusrunning} (green), FATAL and BACKOFF are {@code statuserror} (red), every other state is
 * {@code statusnominal} (pale yellow). Stateless.
 */
final class StateStyle {
    private StateStyle() {}

    static String cssClass(ProcessStateCode state) {
        return switch (state) {
            case RUNNING -> "statusrunning";
            case FATAL, BACKOFF -> "statuserror";
            default -> "statusnominal";
        };
    }
}
