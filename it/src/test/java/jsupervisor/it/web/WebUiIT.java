package jsupervisor.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

import jsupervisor.it.Await;

/**
 * The web UI in a real headless Chromium against a real daemon with a password (the browser logs in with the
 * credentials in the URL, as an operator's bookmark would): the status table, Stop and Start clicked and seen to
 * take effect without a reload, changes made elsewhere showing up live, the tail page following a program's
 * stdout across log rotation and its stderr, the page without JavaScript, and the layout at phone and desktop
 * widths. Screenshots are kept in {@code it/target/web-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiIT {
    private static final int WIDE = 1280;
    private static final int PHONE = 390;

    private WebDaemon daemon;
    private Browser browser;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        daemon = WebDaemon.start(dir.resolve("daemon"), true);
        browser = Browser.open(dir.resolve("profile"), true, WIDE, 900);
    }

    @AfterAll
    void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (daemon != null) {
                daemon.close();
            }
        }
    }

    private List<String> namespecs() {
        return browser.findAll("tr[data-namespec]").stream().map(r -> r.getAttribute("data-namespec")).toList();
    }

    private List<String> buttons(String namespec) {
        return browser.findAll("tr[data-namespec='" + namespec + "'] td.action button").stream()
                .map(WebElement::getText).toList();
    }

    private String stateCell(String namespec) {
        return browser.text("tr[data-namespec='" + namespec + "'] td.status span");
    }

    private String stateClass(String namespec) {
        return browser.find("tr[data-namespec='" + namespec + "'] td.status span").getAttribute("class");
    }

    @Test
    @Order(1)
    void statusPageShowsEveryProcessWithItsStateColourAndActions() {
        browser.get(daemon.url(""));
        assertThat(browser.driver().getTitle()).isEqualTo("Supervisor Status");
        assertThat(namespecs()).containsExactly("broken", "echo", "quiet", "sleeper", "web:idle", "web:worker_0",
                "web:worker_1");
        assertThat(stateCell("sleeper")).isEqualTo("running");
        assertThat(stateClass("sleeper")).isEqualTo("statusrunning");
        assertThat(stateCell("broken")).isEqualTo("fatal");
        assertThat(stateClass("broken")).isEqualTo("statuserror");
        assertThat(stateCell("web:idle")).isEqualTo("stopped");
        assertThat(stateClass("web:idle")).isEqualTo("statusnominal");
        assertThat(buttons("sleeper")).containsExactly("RESTART", "STOP", "CLEAR LOG");
        assertThat(buttons("broken")).containsExactly("START", "CLEAR LOG");
        assertThat(browser.findAll("tr[data-namespec='sleeper'] td.action a").stream().map(WebElement::getText))
                .containsExactly("Tail -f Stdout", "Tail -f Stderr");
        assertThat(browser.text("tr.grouphead th")).isEqualToIgnoringCase("web");
        assertThat(browser.text("tr[data-namespec='sleeper'] td.desc")).startsWith("pid ");
        assertThat(browser.find("#livecontrol").isDisplayed()).isTrue();
        // the state cells carry Supervisor's colours: green for running, red for fatal
        assertThat(browser.script("return getComputedStyle(arguments[0]).backgroundImage",
                browser.find("tr[data-namespec='sleeper'] td.status span"))).asString().contains("147, 231, 136");
        assertThat(browser.script("return getComputedStyle(arguments[0]).backgroundImage",
                browser.find("tr[data-namespec='broken'] td.status span"))).asString().contains("229, 149, 153");
        browser.screenshot("status-wide");
    }

    @Test
    @Order(2)
    void stopAndStartClickedOnThePageTakeEffectWithoutReload() throws Exception {
        browser.get(daemon.url(""));
        browser.script("window.__sameDocument = 'yes'");
        int before = daemon.pid("sleeper");

        browser.find("tr[data-namespec='sleeper'] button[value='stop']").click();
        browser.awaitText("#statusmessage", "Process sleeper stopped");
        browser.awaitText("tr[data-namespec='sleeper'] td.status span", "stopped");
        assertThat(daemon.state("sleeper")).isEqualTo("STOPPED");
        Await.until("the Start button", Browser.T, () -> buttons("sleeper").contains("START"));
        browser.screenshot("status-after-stop");

        browser.find("tr[data-namespec='sleeper'] button[value='start']").click();
        browser.awaitText("#statusmessage", "Process sleeper started");
        browser.awaitText("tr[data-namespec='sleeper'] td.status span", "running");
        assertThat(daemon.state("sleeper")).isEqualTo("RUNNING");
        assertThat(daemon.pid("sleeper")).isNotEqualTo(before);
        assertThat(browser.script("return window.__sameDocument")).isEqualTo("yes");
    }

    @Test
    @Order(3)
    void changesMadeElsewhereShowUpWithoutReload() throws Exception {
        browser.get(daemon.url(""));
        browser.script("window.__sameDocument = 'yes'");
        daemon.call("supervisor.startProcess", "web:idle");
        browser.awaitText("tr[data-namespec='web:idle'] td.status span", "running");
        Await.until("the Stop button of web:idle", Browser.T, () -> buttons("web:idle").contains("STOP"));
        daemon.call("supervisor.stopProcess", "web:idle");
        browser.awaitText("tr[data-namespec='web:idle'] td.status span", "stopped");
        assertThat(browser.script("return window.__sameDocument")).isEqualTo("yes");
    }

    @Test
    @Order(4)
    void tailPageFollowsOutputPrintedAfterItOpenedAcrossRotation() throws Exception {
        String first = "first-" + UUID.randomUUID();
        daemon.call("supervisor.sendProcessStdin", "echo", first + "\n");
        Await.until("the first line in echo.log", Browser.T, () -> read(daemon.dir().resolve("echo.log"))
                .contains(first));
        browser.get(daemon.url("tail.html?processname=echo"));
        assertThat(browser.driver().getTitle()).isEqualTo("Supervisor tail of process echo");
        browser.awaitText("#tailbody", "got " + first);
        browser.awaitText("#followstate", "following");

        String later = "later-" + UUID.randomUUID();
        daemon.call("supervisor.sendProcessStdin", "echo", later + "\n");
        browser.awaitText("#tailbody", "got " + later);

        // more than stdout_logfile_maxbytes (4KB): the log rotates, and the page must keep following
        StringBuilder filler = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            filler.append("filler ").append(i).append(' ').append("x".repeat(80)).append('\n');
        }
        daemon.call("supervisor.sendProcessStdin", "echo", filler.toString());
        Await.until("a rotation of echo.log", Browser.T, () -> Files.exists(daemon.dir().resolve("echo.log.1")));
        String afterRotation = "rotated-" + UUID.randomUUID();
        daemon.call("supervisor.sendProcessStdin", "echo", afterRotation + "\n");
        browser.awaitText("#tailbody", "got " + afterRotation);
        String shown = browser.text("#tailbody");
        assertThat(shown).contains("got filler 59 ").contains("got " + first);
        assertThat(shown.indexOf("got " + later)).isLessThan(shown.indexOf("got filler 0 "));
        assertThat(shown.indexOf("got filler 59 ")).isLessThan(shown.indexOf("got " + afterRotation));
        assertThat(read(daemon.dir().resolve("echo.log"))).contains(afterRotation);
        browser.screenshot("tail-wide");

        browser.find("a[href*='channel=stderr']").click();
        assertThat(browser.driver().getTitle()).isEqualTo("Supervisor tail of process echo");
        browser.awaitText("#tailbody", "err " + afterRotation);
        browser.awaitText("#followstate", "following");
        String onStderr = "stderr-" + UUID.randomUUID();
        daemon.call("supervisor.sendProcessStdin", "echo", onStderr + "\n");
        browser.awaitText("#tailbody", "err " + onStderr);
        assertThat(browser.text("#tailbody")).doesNotContain("got " + onStderr);
    }

    @Test
    @Order(5)
    void readableOnAPhone() {
        browser.resize(PHONE, 844);
        try {
            browser.get(daemon.url(""));
            assertThat(browser.find("thead").isDisplayed()).isFalse();
            WebElement row = browser.find("tr[data-namespec='sleeper']");
            assertThat(row.getSize().getWidth()).isLessThanOrEqualTo(PHONE);
            assertThat(browser.find("tr[data-namespec='sleeper'] button[value='stop']").isDisplayed()).isTrue();
            assertThat((Long) browser.script("return document.documentElement.scrollWidth"))
                    .isLessThanOrEqualTo(PHONE);
            browser.screenshot("status-phone");
            browser.get(daemon.url("tail.html?processname=echo"));
            browser.awaitText("#followstate", "following");
            assertThat((Long) browser.script("return document.documentElement.scrollWidth"))
                    .isLessThanOrEqualTo(PHONE);
            browser.screenshot("tail-phone");
        } finally {
            browser.resize(WIDE, 900);
        }
    }

    @Test
    @Order(6)
    void withJavaScriptOffThePageWorksAsPlainForms(@TempDir Path profile) throws Exception {
        try (Browser plain = Browser.open(profile, false, 1024, 800)) {
            plain.get(daemon.url(""));
            assertThat(plain.find("#livecontrol").isDisplayed()).isFalse();
            assertThat(plain.text("tr[data-namespec='web:idle'] td.status span")).isEqualTo("stopped");

            plain.find("tr[data-namespec='web:idle'] button[value='start']").click();
            plain.awaitText("#statusmessage", "Process web:idle started");
            assertThat(plain.driver().getCurrentUrl()).endsWith("/?message=Process%20web%3Aidle%20started");
            assertThat(plain.text("tr[data-namespec='web:idle'] td.status span")).isEqualTo("running");
            assertThat(daemon.state("web:idle")).isEqualTo("RUNNING");
            plain.screenshot("status-nojs");

            plain.find("tr[data-namespec='web:idle'] button[value='stop']").click();
            plain.awaitText("#statusmessage", "Process web:idle stopped");
            assertThat(daemon.state("web:idle")).isEqualTo("STOPPED");

            plain.find("#buttons a").click();
            plain.awaitText("#statusmessage", "Page refreshed at ");

            plain.get(daemon.url("tail.html?processname=echo"));
            assertThat(plain.text("#tailbody")).contains("got ");
            assertThat(plain.find("#follow").isDisplayed()).isFalse();
            plain.find("#refresh_anchor").click();
            assertThat(plain.driver().getCurrentUrl()).endsWith("tail.html?processname=echo&limit=1024");
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
