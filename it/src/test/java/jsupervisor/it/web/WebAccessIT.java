package jsupervisor.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI over raw HTTP against a daemon with a password, on its TCP and its unix socket listener: nothing
 * (page, asset, JSON view, log, action) without credentials; forged or foreign POSTs refused however close they
 * come; hostile query strings answered with clear errors; and through all of it the daemon keeps serving and
 * its programs keep running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAccessIT {
    private static final String AUTH = "Authorization: " + RawHttp.basic(WebDaemon.USER, WebDaemon.PASSWORD);
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("(jsupervisor_session=[^;]+)");

    private WebDaemon daemon;
    private RawHttp.Target tcp;
    private RawHttp.Target unix;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        daemon = WebDaemon.start(dir.resolve("daemon"), true);
        tcp = RawHttp.Target.tcp(daemon.port());
        unix = RawHttp.Target.unix(daemon.dir().resolve("s.sock"));
    }

    @AfterAll
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
    }

    private static final List<String> READS = List.of("/", "/index.html", "/tail.html?processname=echo",
            "/status.json", "/ok.html", "/logtail/echo", "/logtail/echo/stderr", "/mainlogtail",
            "/stylesheets/supervisor.css", "/scripts/status.js", "/scripts/tail.js", "/images/icon.svg",
            "/index.html?processname=sleeper&action=stop", "/index.html?action=refresh");

    @Test
    void withAPasswordNothingIsServedWithoutCredentials() throws Exception {
        int pid = daemon.pid("sleeper");
        String wrong = "Authorization: " + RawHttp.basic(WebDaemon.USER, "nope");
        for (RawHttp.Target target : List.of(tcp, unix)) {
            for (String path : READS) {
                assertThat(RawHttp.get(target, path).status()).as("GET %s on %s", path, target.host()).isEqualTo(401);
                assertThat(RawHttp.get(target, path, wrong).status()).as("GET %s, wrong password", path)
                        .isEqualTo(401);
                RawHttp.Answer ok = RawHttp.get(target, path, AUTH);
                assertThat(ok.status()).as("GET %s with credentials", path).isIn(200, 301);
            }
            RawHttp.Answer post = RawHttp.post(target, "/index.html", "action=stop&processname=sleeper",
                    "Origin: http://" + target.host());
            assertThat(post.status()).isEqualTo(401);
            assertThat(post.header("www-authenticate")).isEqualTo("Basic realm=\"default\"");
        }
        assertThat(daemon.pid("sleeper")).isEqualTo(pid);
    }

    /** A session of our own, as a browser would hold it: the cookie and the token its page embeds. */
    private record Session(String cookie, String token) {}

    private Session session(RawHttp.Target target) throws Exception {
        RawHttp.Answer page = RawHttp.get(target, "/index.html", AUTH);
        Matcher cookie = COOKIE.matcher(page.header("set-cookie"));
        Matcher token = TOKEN.matcher(page.body());
        assertThat(cookie.find()).isTrue();
        assertThat(token.find()).isTrue();
        assertThat(page.header("set-cookie")).contains("HttpOnly", "SameSite=Strict");
        return new Session(cookie.group(1), token.group(1));
    }

    @Test
    void forgedOrForeignPostsAreRefusedAndChangeNothing() throws Exception {
        for (RawHttp.Target target : List.of(tcp, unix)) {
            Session mine = session(target);
            Session other = session(target);
            String origin = "Origin: http://" + target.host();
            String form = "action=stop&processname=sleeper&token=";
            int pid = daemon.pid("sleeper");
            record Attempt(String what, String body, String[] headers) {}
            List<Attempt> attempts = List.of(
                    new Attempt("no token", "action=stop&processname=sleeper",
                            new String[] {AUTH, origin, "Cookie: " + mine.cookie()}),
                    new Attempt("a made-up token", form + "A".repeat(43),
                            new String[] {AUTH, origin, "Cookie: " + mine.cookie()}),
                    new Attempt("another session's token", form + other.token(),
                            new String[] {AUTH, origin, "Cookie: " + mine.cookie()}),
                    new Attempt("no cookie", form + mine.token(), new String[] {AUTH, origin}),
                    new Attempt("a foreign Origin", form + mine.token(),
                            new String[] {AUTH, "Origin: http://evil.example", "Cookie: " + mine.cookie()}),
                    new Attempt("Origin null", form + mine.token(),
                            new String[] {AUTH, "Origin: null", "Cookie: " + mine.cookie()}),
                    new Attempt("cross-site fetch metadata", form + mine.token(),
                            new String[] {AUTH, origin, "Sec-Fetch-Site: cross-site", "Cookie: " + mine.cookie()}),
                    new Attempt("a foreign Referer and no Origin", form + mine.token(),
                            new String[] {AUTH, "Referer: http://evil.example/x", "Cookie: " + mine.cookie()}),
                    new Attempt("neither Origin nor Referer", form + mine.token(),
                            new String[] {AUTH, "Cookie: " + mine.cookie()}));
            for (Attempt a : attempts) {
                RawHttp.Answer answer = RawHttp.post(target, "/index.html", a.body(), a.headers());
                assertThat(answer.status()).as(a.what()).isEqualTo(403);
                assertThat(answer.body()).as(a.what()).contains("Action refused");
            }
            assertThat(daemon.pid("sleeper")).isEqualTo(pid);

            // the same request done right acts, answers 303 to Supervisor's message, and the same-origin Referer
            // of a browser that sends no Origin is enough
            RawHttp.Answer done = RawHttp.post(target, "/index.html", form + mine.token(), AUTH,
                    "Referer: http://" + target.host() + "/index.html", "Cookie: " + mine.cookie());
            assertThat(done.status()).isEqualTo(303);
            assertThat(done.header("location")).isEqualTo("http://" + target.host()
                    + "/?message=Process%20sleeper%20stopped");
            assertThat(daemon.state("sleeper")).isEqualTo("STOPPED");
            RawHttp.Answer json = RawHttp.post(target, "/index.html", "action=start&processname=sleeper&token="
                    + mine.token(), AUTH, origin, "Cookie: " + mine.cookie(), "Accept: application/json");
            assertThat(json.status()).isEqualTo(200);
            assertThat(json.body()).isEqualTo("{\"message\":\"Process sleeper started\"}");
            assertThat(daemon.state("sleeper")).isEqualTo("RUNNING");
        }
    }

    @Test
    void oldGetActionLinksOnlyAskForConfirmation() throws Exception {
        int pid = daemon.pid("sleeper");
        for (String action : List.of("stop", "restart", "clearlog", "start")) {
            RawHttp.Answer answer = RawHttp.get(tcp, "/index.html?processname=sleeper&action=" + action, AUTH);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("<form id=\"confirmform\" action=\"index.html\" method=\"post\">",
                    "name=\"action\" value=\"" + action + "\"", "name=\"processname\" value=\"sleeper\"");
        }
        for (String action : List.of("stopall", "restartall")) {
            assertThat(RawHttp.get(tcp, "/index.html?action=" + action, AUTH).body()).contains("confirmform");
        }
        assertThat(daemon.pid("sleeper")).isEqualTo(pid);
        assertThat(daemon.state("web:worker_0")).isEqualTo("RUNNING");
        // refresh changes nothing, so it keeps Supervisor's redirect
        RawHttp.Answer refresh = RawHttp.get(tcp, "/index.html?action=refresh", AUTH);
        assertThat(refresh.status()).isEqualTo(301);
        assertThat(refresh.header("location")).matches("http://127\\.0\\.0\\.1:\\d+/\\?message=Page%20refreshed%20at%20"
                + "[A-Z][a-z]{2}%20[A-Z][a-z]{2}%20[ %0-9]+%20\\d\\d%3A\\d\\d%3A\\d\\d%20\\d{4}");
    }

    @Test
    void hostileInputGetsClearErrorsAndTheDaemonKeepsServing() throws Exception {
        record Case(String path, int status, String body) {}
        List<Case> cases = List.of(
                new Case("/index.html?action=bogus", 400, "There is no action named &#39;bogus&#39;."),
                new Case("/index.html?action=stop", 400, "needs a processname"),
                new Case("/index.html?action=%3Cscript%3E", 400, "&lt;script&gt;"),
                new Case("/index.html?message=%3Cimg%20src=x%20onerror=alert(1)%3E", 200,
                        "<div id=\"statusmessage\" class=\"status_msg\" role=\"status\">&lt;img src=x "
                                + "onerror=alert(1)&gt;</div>"),
                new Case("/index.html?processname=%22%3E%3Cscript%3E&action=stop", 200,
                        "value=\"&quot;&gt;&lt;script&gt;\""),
                new Case("/tail.html", 200, "<pre id=\"tailbody\">No process name found</pre>"),
                new Case("/tail.html?processname=", 200, "Supervisor tail of process None"),
                new Case("/tail.html?processname=nosuch", 200, "ERROR: unexpected rpc fault [10] BAD_NAME: nosuch"),
                new Case("/tail.html?processname=%00%ff%3Cx%3E", 200, "BAD_NAME: \uFFFD\uFFFD&lt;x&gt;"),
                new Case("/tail.html?processname=echo&limit=99999999999999999999999999", 200, "limit="),
                new Case("/tail.html?processname=echo&limit=-5", 200, "limit=1024"),
                new Case("/tail.html?processname=echo&channel=../../etc/passwd", 200, "echo"),
                new Case("/tail.html?processname=sleeper", 200, "<pre id=\"tailbody\" data-follow="),
                new Case("/status.json?%%%", 200, "\"namespec\":\"sleeper\""),
                new Case("/index.html?processname=nosuch&action=stop&token=x", 200, "confirmform"));
        for (Case c : cases) {
            RawHttp.Answer answer = RawHttp.get(tcp, c.path(), AUTH);
            assertThat(answer.status()).as(c.path()).isEqualTo(c.status());
            assertThat(answer.body()).as(c.path()).contains(c.body());
        }
        RawHttp.Answer noLength = RawHttp.exchange(tcp, "POST", "/index.html", null, AUTH);
        assertThat(noLength.status()).isEqualTo(411);
        assertThat(daemon.state("sleeper")).isEqualTo("RUNNING");
        assertThat(RawHttp.get(tcp, "/ok.html", AUTH).body()).isEqualTo("OK");
    }

    @Test
    void aPageOpenedBeforeAReloadStillActsAfterIt() throws Exception {
        Session mine = session(tcp);
        String before = daemon.harness().log();
        daemon.harness().signal("HUP");
        daemon.harness().awaitCount("supervisord started with pid", 2, WebDaemon.T);
        jsupervisor.it.Await.until("sleeper running again after the reload", WebDaemon.T,
                () -> daemon.stateOrNull("sleeper").equals("RUNNING"));
        assertThat(daemon.harness().log()).startsWith(before);
        RawHttp.Answer answer = RawHttp.post(tcp, "/index.html", "action=clearlog&processname=sleeper&token="
                + mine.token(), AUTH, "Origin: http://" + tcp.host(), "Cookie: " + mine.cookie());
        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.header("location")).endsWith("/?message=Log%20for%20sleeper%20cleared");
    }

    @Test
    void pagesCarryHeadersThatKeepOtherSitesOut() throws Exception {
        RawHttp.Answer page = RawHttp.get(tcp, "/index.html", AUTH);
        assertThat(page.header("content-type")).isEqualTo("text/html;charset=utf-8");
        assertThat(page.header("x-frame-options")).isEqualTo("DENY");
        assertThat(page.header("content-security-policy")).contains("frame-ancestors 'none'", "script-src 'self'");
        assertThat(page.header("cache-control")).isEqualTo("no-cache");
        assertThat(page.header("pragma")).isEqualTo("no-cache");
        RawHttp.Answer css = RawHttp.get(tcp, "/stylesheets/supervisor.css", AUTH);
        assertThat(css.header("content-type")).isEqualTo("text/css");
        RawHttp.Answer again = RawHttp.get(tcp, "/stylesheets/supervisor.css", AUTH,
                "If-Modified-Since: " + css.header("last-modified"));
        assertThat(again.status()).isEqualTo(304);
        assertThat(RawHttp.exchange(tcp, "DELETE", "/stylesheets/supervisor.css", null, AUTH).status())
                .isEqualTo(400);
        assertThat(RawHttp.get(tcp, "/images/state0.gif", AUTH).status()).isEqualTo(404);
    }
}
