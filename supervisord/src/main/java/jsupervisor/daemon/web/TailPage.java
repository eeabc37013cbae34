package jsupervisor.daemon.web;

import java.util.Map;

/**
 * {@code tail.html?processname=<ns>[&limit=<n>][&channel=stderr]} (REFERENCE.md §8.2): the title
 * {@code Supervisor tail of process <ns>} ({@code None} without a name), the end of the log in a {@code <pre>}
 * (or Supervisor's error text there) and a Refresh link to {@code tail.html?processname=<q>&limit=<n>}, which is
 * left out when there is no process name. Additions: a stdout/stderr switch, and a {@code data-follow} URL with
 * which the page's script follows the log live from exactly where the text ends. Stateless; thread-safe.
 */
final class TailPage {
    private static final Template TEMPLATE = Template.load("tail.html");

    /** The smallest tail Supervisor shows, whatever {@code limit} says. */
    static final long MIN_LIMIT = 1024;

    /**
     * What the page shows.
     *
     * @param processname  the namespec asked for, or null when none was
     * @param stderr       true for the stderr log (our addition; Supervisor's page shows stdout only)
     * @param limit        the bytes asked for, at least {@link #MIN_LIMIT}
     * @param text         the log's end, or an error text
     * @param followOffset where a live follow continues, or -1 when there is no log to follow
     */
    record View(String processname, boolean stderr, long limit, String text, long followOffset) {}

    private TailPage() {}

    /** Supervisor's {@code limit} rule: digits give {@code max(1024, n)}, anything else 1024. */
    static long limit(String raw) {
        if (raw == null || raw.isEmpty() || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return MIN_LIMIT;
        }
        String digits = raw.replaceFirst("^0+(?=.)", "");
        long n = digits.length() > 15 ? Long.MAX_VALUE / 2 : Long.parseLong(digits);
        return Math.max(MIN_LIMIT, n);
    }

    static String render(View view) {
        String name = view.processname();
        String channel = view.stderr() ? "stderr" : "stdout";
        return TEMPLATE.render(Map.of(
                "title", Html.escape("Supervisor tail of process " + (name == null ? "None" : name)),
                "heading", name == null ? "Supervisor tail" : Html.escape(name) + " <span class=\"channel\">"
                        + channel + "</span>",
                "controls", controls(view),
                "follow", name == null || view.followOffset() < 0 ? ""
                        : " data-follow=\"" + Html.escape(logtail(name, view.stderr()) + "?offset="
                        + view.followOffset()) + "\"",
                "body", Html.escape(view.text())));
    }

    private static String controls(View view) {
        if (view.processname() == null) {
            return "<nav class=\"tailcontrols\"><a class=\"action-button\" href=\"index.html\">Status</a></nav>";
        }
        String q = Html.quote(view.processname());
        String refresh = "tail.html?processname=" + q + "&limit=" + view.limit() + (view.stderr() ? "&channel=stderr"
                : "");
        String other = "tail.html?processname=" + q + "&limit=" + view.limit() + (view.stderr() ? ""
                : "&channel=stderr");
        return "<nav class=\"tailcontrols\">"
                + "<a id=\"refresh_anchor\" class=\"action-button\" href=\"" + Html.escape(refresh) + "\">Refresh</a>"
                + "<a class=\"action-button\" href=\"" + Html.escape(other) + "\">"
                + (view.stderr() ? "Show stdout" : "Show stderr") + "</a>"
                + "<a class=\"action-button\" href=\"" + Html.escape(logtail(view.processname(), view.stderr()))
                + "\" target=\"_blank\">Tail -f " + (view.stderr() ? "Stderr" : "Stdout") + "</a>"
                + "<button id=\"follow\" class=\"action-button\" type=\"button\" hidden aria-pressed=\"true\">"
                + "Following</button>"
                + "<span id=\"followstate\" aria-live=\"polite\"></span>"
                + "</nav>";
    }

    private static String logtail(String namespec, boolean stderr) {
        return "logtail/" + Html.quote(namespec) + (stderr ? "/stderr" : "");
    }
}
