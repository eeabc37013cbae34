package jsupervisor.daemon.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TailPageTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "-, 1024", "'', 1024", "0, 1024", "10, 1024", "1024, 1024", "4096, 4096", "0004096, 4096", "-5, 1024",
        "abc, 1024", "1e6, 1024", "99999999999999999999999, 4611686018427387903", "٣, 1024"})
    void limitIsAtLeast1024AndDigitsOnly(String raw, long expected) {
        assertThat(TailPage.limit(raw)).isEqualTo(expected);
    }

    @Test
    void withoutAProcessNameTheTitleSaysNoneAndThereIsNoRefreshLink() {
        String html = TailPage.render(new TailPage.View(null, false, 1024, "No process name found", -1));
        assertThat(html).contains("<title>Supervisor tail of process None</title>",
                "<pre id=\"tailbody\">No process name found</pre>").doesNotContain("refresh_anchor", "data-follow");
    }

    @Test
    void aLogGetsARefreshLinkAndAFollowUrlFromWhereTheTextEnds() {
        String html = TailPage.render(new TailPage.View("grp:a", false, 2048, "line <1>\n", 777));
        assertThat(html).contains("<title>Supervisor tail of process grp:a</title>",
                "href=\"tail.html?processname=grp%3Aa&amp;limit=2048\">Refresh</a>",
                "<pre id=\"tailbody\" data-follow=\"logtail/grp%3Aa?offset=777\">line &lt;1&gt;\n</pre>");
    }

    @Test
    void theStderrPageFollowsStderr() {
        String html = TailPage.render(new TailPage.View("a", true, 1024, "", 0));
        assertThat(html).contains("data-follow=\"logtail/a/stderr?offset=0\"",
                "href=\"tail.html?processname=a&amp;limit=1024&amp;channel=stderr\">Refresh</a>", "Show stdout");
    }

    @Test
    void anErrorHasNothingToFollow() {
        String html = TailPage.render(new TailPage.View("x\"<", false, 1024,
                "ERROR: unexpected rpc fault [10] BAD_NAME: x\"<", -1));
        assertThat(html).doesNotContain("data-follow").contains("BAD_NAME: x&quot;&lt;",
                "Supervisor tail of process x&quot;&lt;");
    }
}
