package jsupervisor.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import jsupervisor.it.Await;

/**
 * Another site tries to drive the web UI through the operator's browser, which has the status page open (so it
 * holds our session cookie): a form POSTed at {@code index.html}, Supervisor's old GET action link as an image,
 * a no-cors fetch, and a read of the page to steal its token. The daemon has no password, so only our own
 * guard stands in the way. Both a cross-site origin ({@code localhost}) and a same-site one on another port
 * ({@code 127.0.0.1:<other>}) attack; the program keeps running with the same pid.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossSiteIT {
    private static final java.util.regex.Pattern STOPPED = java.util.regex.Pattern.compile("stopped: sleeper");

    private WebDaemon daemon;
    private Browser browser;
    private HttpServer attacker;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        daemon = WebDaemon.start(dir.resolve("daemon"), false);
        browser = Browser.open(dir.resolve("profile"), true, 1024, 768);
        attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        attacker.createContext("/attack", exchange -> {
            byte[] page = attackPage(daemon.port()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html;charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        attacker.start();
    }

    @AfterAll
    void stop() {
        try {
            if (attacker != null) {
                attacker.stop(0);
            }
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (daemon != null) {
                daemon.close();
            }
        }
    }

    /** Every way a page on another origin can send a request at us, each reporting into the title. */
    private static String attackPage(int port) {
        String target = "http://127.0.0.1:" + port;
        return """
                <!DOCTYPE html><html><head><title>attack:</title></head><body>
                <form id="f" method="POST" action="%1$s/index.html" target="sink">
                <input name="action" value="stop"><input name="processname" value="sleeper">
                <input name="token" value="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA">
                </form>
                <script>
                let pending = 5;
                function report(what) {
                  document.title += ' ' + what;
                  if (--pending === 0) { document.title += ' done'; }
                }
                const sink = document.createElement('iframe');
                sink.name = 'sink';
                document.body.appendChild(sink);
                sink.addEventListener('load', () => report('form-sent'), {once: true});
                document.getElementById('f').submit();
                const old = new Image();
                old.onload = old.onerror = () => report('get-sent');
                old.src = '%1$s/index.html?processname=sleeper&action=stop';
                const icon = new Image();
                icon.onload = () => report('reachable');
                icon.onerror = () => report('unreachable');
                icon.src = '%1$s/images/icon.svg';
                fetch('%1$s/index.html', {method: 'POST', mode: 'no-cors', credentials: 'include',
                    body: new URLSearchParams({action: 'stop', processname: 'sleeper'})})
                  .then(() => report('fetch-sent'), () => report('fetch-sent'));
                fetch('%1$s/index.html', {credentials: 'include'})
                  .then(r => r.text()).then(() => report('token-read'), () => report('read-blocked'));
                </script></body></html>
                """.formatted(target);
    }

    private void attackFrom(String origin) throws Exception {
        browser.get(daemon.url(""));
        assertThat(browser.findAll("tr[data-namespec='sleeper']")).hasSize(1);
        int pid = daemon.pid("sleeper");
        int stopsBefore = daemon.harness().count(STOPPED);

        browser.get(origin + "/attack");
        Await.until("the attack page to finish (" + browser.driver().getTitle() + ")", Browser.T,
                () -> browser.driver().getTitle().endsWith(" done"));
        String title = browser.driver().getTitle();
        assertThat(title).contains("reachable", "form-sent", "get-sent", "fetch-sent", "read-blocked")
                .doesNotContain("unreachable", "token-read");

        // every request has been answered (the page saw each one end), and a stop answers only once it is done
        browser.get(daemon.url(""));
        assertThat(daemon.state("sleeper")).isEqualTo("RUNNING");
        assertThat(daemon.pid("sleeper")).isEqualTo(pid);
        assertThat(daemon.harness().count(STOPPED)).isEqualTo(stopsBefore);
        assertThat(browser.text("tr[data-namespec='sleeper'] td.status span")).isEqualTo("running");
    }

    @Test
    void aCrossSitePageChangesNothing() throws Exception {
        attackFrom("http://localhost:" + attacker.getAddress().getPort());
        browser.screenshot("cross-site-after");
    }

    @Test
    void aSameSitePageOnAnotherPortChangesNothing() throws Exception {
        attackFrom("http://127.0.0.1:" + attacker.getAddress().getPort());
    }

    @Test
    void theOldGetLinkOpenedInTheBrowserOnlyAsksForConfirmation() throws Exception {
        int pid = daemon.pid("sleeper");
        browser.get(daemon.url("index.html?processname=sleeper&action=stop"));
        assertThat(browser.driver().getTitle()).isEqualTo("Confirm: Stop sleeper");
        assertThat(daemon.pid("sleeper")).isEqualTo(pid);
        assertThat(daemon.state("sleeper")).isEqualTo("RUNNING");
        browser.screenshot("confirm-stop");
        // the operator confirms: now it happens, and the page says so in Supervisor's words
        browser.find("#confirmform button[type='submit']").click();
        browser.awaitText("#statusmessage", "Process sleeper stopped");
        assertThat(daemon.state("sleeper")).isEqualTo("STOPPED");
        daemon.call("supervisor.startProcess", "sleeper");
    }
}
