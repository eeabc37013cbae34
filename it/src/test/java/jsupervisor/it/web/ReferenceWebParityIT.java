package jsupervisor.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import jsupervisor.common.xmlrpc.XmlRpcValue;

/**
 * What an operator sees on our web UI against the real Supervisor 4.2.5's, both running the same programs: the
 * rows of the status table (order, shading, state words and colours, descriptions, action names), the message
 * after every action (Supervisor acts on its GET link; we act on the POST our page sends), and the tail page's
 * texts. Markup may differ; what is shown may not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceWebParityIT {
    private static final String AUTH = "Authorization: " + RawHttp.basic(WebDaemon.USER, WebDaemon.PASSWORD);
    private static final Pattern ROW = Pattern.compile("<tr class=\"(shade)?\"[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern STATE = Pattern.compile("<span class=\"(status\\w+)\">(\\w+)</span>");
    private static final Pattern DESC = Pattern.compile("<td[^>]*>\\s*<span>(.*?)</span>\\s*</td>", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("<a href=\"tail\\.html\\?processname=([^\"]+)\" "
            + "target=\"_blank\">([^<]+)</a>");
    private static final Pattern LABEL = Pattern.compile("<(?:a|button)[^>]*>\\s*([A-Z][^<]+?)\\s*</(?:a|button)>");
    private static final Pattern PRE = Pattern.compile("<pre[^>]*>(.*?)</pre>", Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("(jsupervisor_session=[^;]+)");
    private static final String CTIME = "[A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}";

    private WebDaemon ours;
    private ReferenceDaemon reference;
    private RawHttp.Target oursAt;
    private RawHttp.Target referenceAt;
    private String cookie;
    private String token;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        assumeTrue(ReferenceDaemon.installed(), "the reference Supervisor 4.2.5 is not installed");
        reference = ReferenceDaemon.start(dir.resolve("reference"));
        ours = WebDaemon.start(dir.resolve("ours"), true);
        oursAt = RawHttp.Target.tcp(ours.port());
        referenceAt = RawHttp.Target.tcp(reference.port());
        RawHttp.Answer page = RawHttp.get(oursAt, "/index.html", AUTH);
        Matcher c = COOKIE.matcher(page.header("set-cookie"));
        Matcher t = TOKEN.matcher(page.body());
        assertThat(c.find() && t.find()).isTrue();
        cookie = c.group(1);
        token = t.group(1);
    }

    @AfterAll
    void stop() {
        try {
            if (reference != null) {
                reference.close();
            }
        } finally {
            if (ours != null) {
                ours.close();
            }
        }
    }

    /** One row as shown: shade, namespec, state word and class, description (digits masked), action names. */
    private static List<String> rows(String html) {
        List<String> rows = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            String cells = row.group(2);
            Matcher state = STATE.matcher(cells);
            Matcher desc = DESC.matcher(cells);
            Matcher name = NAME.matcher(cells);
            if (!state.find() || !desc.find() || !name.find()) {
                continue; // a group heading
            }
            List<String> labels = new ArrayList<>();
            Matcher label = LABEL.matcher(cells.substring(cells.indexOf("action")));
            while (label.find()) {
                if (!label.group().contains("class=\"hidden\"")) { // Supervisor's invisible placeholders
                    labels.add(label.group(1).strip());
                }
            }
            rows.add(String.join(" | ", row.group(1) == null ? "" : "shade", name.group(1), name.group(2),
                    state.group(1), state.group(2), desc.group(1).replaceAll("\\d+", "N"),
                    String.join(",", labels)));
        }
        return rows;
    }

    @Test
    void theStatusTableShowsTheSame() throws Exception {
        String theirs = RawHttp.get(referenceAt, "/index.html", AUTH).body();
        String mine = RawHttp.get(oursAt, "/index.html", AUTH).body();
        List<String> expected = rows(theirs);
        assertThat(expected).hasSize(7);
        assertThat(rows(mine)).containsExactlyElementsOf(expected);
        assertThat(TITLE.matcher(mine).results().map(m -> m.group(1)).toList())
                .isEqualTo(TITLE.matcher(theirs).results().map(m -> m.group(1)).toList());
    }

    private static String message(RawHttp.Answer answer) {
        String location = answer.header("location");
        assertThat(location).as("a redirect, got %s", answer.status()).isNotNull();
        assertThat(location).matches("http://127\\.0\\.0\\.1:\\d+/\\?message=.*");
        return URLDecoder.decode(location.substring(location.indexOf("?message=") + 9), StandardCharsets.UTF_8);
    }

    private String theirs(String action, String processname) throws Exception {
        String query = "/index.html?action=" + action + (processname == null ? "" : "&processname=" + processname);
        RawHttp.Answer answer = RawHttp.get(referenceAt, query, AUTH);
        assertThat(answer.status()).isEqualTo(301);
        return message(answer);
    }

    private String mine(String action, String processname) throws Exception {
        String form = "action=" + action + "&token=" + token + (processname == null ? "" : "&processname="
                + processname);
        RawHttp.Answer answer = RawHttp.post(oursAt, "/index.html", form, AUTH, "Cookie: " + cookie,
                "Origin: http://" + oursAt.host());
        assertThat(answer.status()).isEqualTo(303);
        return message(answer);
    }

    @Test
    void everyActionEndsWithTheSameMessage() throws Exception {
        record Step(String action, String processname) {}
        List<Step> steps = List.of(new Step("stop", "sleeper"), new Step("stop", "sleeper"),
                new Step("start", "sleeper"), new Step("start", "sleeper"), new Step("restart", "sleeper"),
                new Step("clearlog", "sleeper"), new Step("start", "web%3Aidle"), new Step("stop", "web%3Aidle"),
                new Step("stop", "nosuch"), new Step("start", "web%3A*"), new Step("clearlog", "nosuch%3Ax"),
                new Step("start", "broken"), new Step("stop", "quiet"), new Step("start", "quiet"));
        for (Step s : steps) {
            String expected = theirs(s.action(), s.processname());
            assertThat(mine(s.action(), s.processname())).as("%s %s", s.action(), s.processname())
                    .isEqualTo(expected);
        }
        assertThat(theirs("stopall", null)).matches("All stopped at " + CTIME);
        assertThat(mine("stopall", null)).matches("All stopped at " + CTIME);
        assertThat(ours.state("sleeper")).isEqualTo(reference.state("sleeper")).isEqualTo("STOPPED");
        assertThat(theirs("restartall", null)).matches("All restarted at " + CTIME);
        assertThat(mine("restartall", null)).matches("All restarted at " + CTIME);
        assertThat(ours.state("sleeper")).isEqualTo(reference.state("sleeper")).isEqualTo("RUNNING");
        RawHttp.Answer refresh = RawHttp.get(oursAt, "/index.html?action=refresh", AUTH);
        assertThat(refresh.status()).isEqualTo(RawHttp.get(referenceAt, "/index.html?action=refresh", AUTH).status());
        assertThat(message(refresh)).matches("Page refreshed at " + CTIME);
    }

    @Test
    void theTailPageShowsTheSameTexts() throws Exception {
        String line = "same line <&> for both";
        reference.rpc().call("supervisor.sendProcessStdin", XmlRpcValue.of("echo"), XmlRpcValue.of(line + "\n"));
        ours.call("supervisor.sendProcessStdin", "echo", line + "\n");
        for (String query : List.of("", "?processname=nosuch", "?processname=quiet", "?processname=echo",
                "?processname=echo&limit=5", "?processname=web%3Aworker_0", "?processname=")) {
            if (query.contains("echo")) {
                jsupervisor.it.Await.until("the echo line in both logs", WebDaemon.T,
                        () -> pre(tail(referenceAt, query)).contains(line) && pre(tail(oursAt, query)).contains(line));
            }
            String theirs = tail(referenceAt, query);
            String mine = tail(oursAt, query);
            assertThat(title(mine)).as(query).isEqualTo(title(theirs));
            assertThat(pre(mine)).as(query).isEqualTo(pre(theirs));
            assertThat(mine.contains("refresh_anchor")).as(query).isEqualTo(theirs.contains("Refresh"));
        }
    }

    private static String tail(RawHttp.Target at, String query) {
        try {
            return RawHttp.get(at, "/tail.html" + query, AUTH).body();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static String title(String html) {
        Matcher m = TITLE.matcher(html);
        return m.find() ? m.group(1) : "";
    }

    private static String pre(String html) {
        Matcher m = PRE.matcher(html);
        return m.find() ? m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&") : "";
    }

    @Test
    void okIsOk() throws Exception {
        RawHttp.Answer theirs = RawHttp.get(referenceAt, "/ok.html", AUTH);
        RawHttp.Answer mine = RawHttp.get(oursAt, "/ok.html", AUTH);
        assertThat(mine.status()).isEqualTo(theirs.status());
        assertThat(mine.body()).isEqualTo(theirs.body()).isEqualTo("OK");
        assertThat(mine.header("content-type")).isEqualTo(theirs.header("content-type"));
    }
}
