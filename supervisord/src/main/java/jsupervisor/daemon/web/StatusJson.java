package jsupervisor.daemon.web;

import java.util.List;

/**
 * {@code status.json}: the status table as JSON, which the page polls to update itself without a reload (an
 * addition of ours; Supervisor has no such view). One object per process with what the HTML row shows, the
 * actions included, so the script never decides on its own which buttons a state gets. Stateless.
 *
 * <pre>{@code
 * {"processes":[{"namespec":"grp:a","group":"grp","name":"a","state":20,"statename":"RUNNING",
 *   "status":"running","css":"statusrunning","description":"pid 12, uptime 0:00:05",
 *   "actions":[{"action":"restart","label":"Restart"}, ...],"grouped":true}, ...]}
 * }</pre>
 */
final class StatusJson {
    private StatusJson() {}

    static String render(List<ProcessRow> rows) {
        StringBuilder json = new StringBuilder(64 + rows.size() * 400).append("{\"processes\":[");
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            row(json, rows.get(i));
        }
        return json.append("]}").toString();
    }

    /** {@code {"error":"..."}} when the table could not be read (the daemon is shutting down, say). */
    static String error(String text) {
        return Json.object("error", text);
    }

    private static void row(StringBuilder json, ProcessRow r) {
        json.append("{\"namespec\":").append(Json.quote(r.namespec()))
                .append(",\"group\":").append(Json.quote(r.group()))
                .append(",\"name\":").append(Json.quote(r.name()))
                .append(",\"state\":").append(r.state())
                .append(",\"statename\":").append(Json.quote(r.statename()))
                .append(",\"status\":").append(Json.quote(r.status()))
                .append(",\"css\":").append(Json.quote(r.cssClass()))
                .append(",\"description\":").append(Json.quote(r.description()))
                .append(",\"actions\":[");
        for (int i = 0; i < r.actions().size(); i++) {
            Action a = r.actions().get(i);
            json.append(i > 0 ? "," : "").append("{\"action\":").append(Json.quote(a.wireName()))
                    .append(",\"label\":").append(Json.quote(a.label())).append('}');
        }
        json.append("],\"grouped\":").append(r.groupShown()).append('}');
    }
}
