package jsupervisor.daemon.web;

import java.util.List;
import java.util.Map;

/**
 * {@code index.html}: the status table (REFERENCE.md §8.1), rendered as plain HTML that works without
 * JavaScript. What an operator sees matches Supervisor's page: the message box ({@code div.status_msg}), the
 * Refresh / Restart All / Stop All buttons, one row per process in (group, name) order with alternating
 * {@code shade} rows, the state as a lower-case word in a {@code statusrunning|statuserror|statusnominal} span,
 * the description, the namespec linking to its tail page, and the per-state actions followed by the two
 * {@code Tail -f} links, or "No programs to manage". Processes of a named group sit under the group's heading.
 *
 * <p>Differences by design: the actions are submit buttons of one POST form that carries the session's token
 * (the process travels in each button's {@code formaction} query), not GET links. Stateless; thread-safe.
 */
final class StatusPage {
    private static final Template TEMPLATE = Template.load("status.html");

    private StatusPage() {}

    /**
     * The whole page.
     *
     * @param message the status message to show, or null for none
     * @param rows    the table, in page order
     * @param token   the session's form token
     */
    static String render(String message, List<ProcessRow> rows, String token, String version, String year) {
        return TEMPLATE.render(Map.of(
                "message", message(message),
                "token", Html.escape(token),
                "table", table(rows),
                "version", Html.escape(version),
                "year", Html.escape(year)));
    }

    static String message(String message) {
        if (message == null) {
            return "<div id=\"statusmessage\" class=\"hidden\" role=\"status\"></div>";
        }
        return "<div id=\"statusmessage\" class=\"status_msg\" role=\"status\">" + Html.escape(message) + "</div>";
    }

    static String table(List<ProcessRow> rows) {
        if (rows.isEmpty()) {
            return "<p id=\"statustable\" class=\"empty\">No programs to manage</p>";
        }
        StringBuilder html = new StringBuilder(512 + rows.size() * 900);
        html.append("<table id=\"statustable\" cellspacing=\"0\">\n<thead>\n<tr>")
                .append("<th class=\"state\">State</th><th class=\"desc\">Description</th>")
                .append("<th class=\"name\">Name</th><th class=\"action\">Action</th></tr>\n</thead>\n");
        String group = null;
        boolean shaded = false;
        for (ProcessRow row : rows) {
            if (group == null || !group.equals(row.group())) {
                if (group != null) {
                    html.append("</tbody>\n");
                }
                group = row.group();
                html.append("<tbody data-group=\"").append(Html.escape(group)).append("\">\n");
                if (row.groupShown()) {
                    html.append("<tr class=\"grouphead\"><th colspan=\"4\" scope=\"rowgroup\">")
                            .append(Html.escape(group)).append("</th></tr>\n");
                }
            }
            row(html, row, shaded);
            shaded = !shaded;
        }
        return html.append("</tbody>\n</table>").toString();
    }

    private static void row(StringBuilder html, ProcessRow row, boolean shaded) {
        String q = Html.quote(row.namespec());
        html.append("<tr class=\"").append(shaded ? "shade" : "").append("\" data-namespec=\"")
                .append(Html.escape(row.namespec())).append("\">\n")
                .append("<td class=\"status\" data-label=\"State\"><span class=\"").append(row.cssClass())
                .append("\">").append(Html.escape(row.status())).append("</span></td>\n")
                .append("<td class=\"desc\" data-label=\"Description\"><span>")
                .append(Html.escape(row.description())).append("</span></td>\n")
                .append("<td class=\"name\" data-label=\"Name\"><a href=\"tail.html?processname=").append(q)
                .append("\" target=\"_blank\">").append(Html.escape(row.namespec())).append("</a></td>\n")
                .append("<td class=\"action\"><ul>");
        for (Action a : row.actions()) {
            html.append("<li><button type=\"submit\" name=\"action\" value=\"").append(a.wireName())
                    .append("\" formaction=\"index.html?processname=").append(q)
                    .append("\" data-processname=\"").append(Html.escape(row.namespec())).append("\">")
                    .append(Html.escape(a.label())).append("</button></li>");
        }
        html.append("<li><a href=\"logtail/").append(q).append("\" target=\"_blank\">Tail -f Stdout</a></li>")
                .append("<li><a href=\"logtail/").append(q)
                .append("/stderr\" target=\"_blank\">Tail -f Stderr</a></li>")
                .append("</ul></td>\n</tr>\n");
    }
}
