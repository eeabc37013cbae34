package jsupervisor.daemon.web;

import java.util.Map;

/**
 * The small pages between the status page and an action: the confirmation that an old-style GET action link
 * (Supervisor's {@code index.html?processname=x&action=stop}) now answers instead of acting, and the pages that
 * explain a refused or malformed request. Stateless; thread-safe.
 */
final class NoticePage {
    private static final Template TEMPLATE = Template.load("notice.html");

    private NoticePage() {}

    /**
     * Asks to confirm {@code action} with a POST form carrying the session's token; the operator's click is then
     * a same-origin POST like any from the status page.
     */
    static String confirm(Action action, String namespec, String token) {
        String what = action.perProcess() ? action.label() + " " + namespec : action.label();
        StringBuilder body = new StringBuilder(512)
                .append("<p>This link asks the supervisor to <strong>").append(Html.escape(what.toLowerCase(
                        java.util.Locale.ROOT))).append("</strong>. Actions run only when confirmed from this "
                        + "server's own pages, so that no other site can trigger them.</p>\n")
                .append("<form id=\"confirmform\" action=\"index.html\" method=\"post\">\n")
                .append("<input type=\"hidden\" name=\"token\" value=\"").append(Html.escape(token)).append("\">\n")
                .append("<input type=\"hidden\" name=\"action\" value=\"").append(action.wireName()).append("\">\n");
        if (action.perProcess()) {
            body.append("<input type=\"hidden\" name=\"processname\" value=\"").append(Html.escape(namespec))
                    .append("\">\n");
        }
        body.append("<button class=\"action-button\" type=\"submit\">").append(Html.escape(what))
                .append("</button>\n<a class=\"action-button\" href=\"index.html\">Cancel</a>\n</form>");
        return TEMPLATE.render(Map.of("title", Html.escape("Confirm: " + what), "body", body.toString()));
    }

    /** A page that says why a request was not carried out, with a way back. */
    static String refusal(String title, String text) {
        return TEMPLATE.render(Map.of("title", Html.escape(title),
                "body", "<p class=\"status_msg\">" + Html.escape(text) + "</p>\n"
                        + "<p><a class=\"action-button\" href=\"index.html\">Back to the status page</a></p>"));
    }
}
