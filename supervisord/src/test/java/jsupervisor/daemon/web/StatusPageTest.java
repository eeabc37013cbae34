package jsupervisor.daemon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import jsupervisor.common.api.ProcessInfo;
import jsupervisor.common.api.ProcessStateCode;

class StatusPageTest {

    static ProcessRow row(String group, String name, ProcessStateCode state, String description) {
        return ProcessRow.of(new ProcessInfo(name, group, description, 0, 0, 0, state.code(), state.name(), "", 0,
                "", "", "", 0));
    }

    private static String render(List<ProcessRow> rows) {
        List<ProcessRow> sorted = new ArrayList<>(rows);
        sorted.sort(ProcessRow.ORDER);
        return StatusPage.render(null, sorted, "tok", "4.2.5", "2026");
    }

    @Test
    void rowsComeInGroupThenNameOrderWithAlternatingShade() {
        String html = render(List.of(row("web", "b", ProcessStateCode.RUNNING, "x"),
                row("cat", "cat", ProcessStateCode.RUNNING, "x"), row("web", "a", ProcessStateCode.STOPPED, "x")));
        assertThat(html).containsSubsequence("<tr class=\"\" data-namespec=\"cat\">",
                "<tr class=\"shade\" data-namespec=\"web:a\">", "<tr class=\"\" data-namespec=\"web:b\">");
    }

    @Test
    void aNamedGroupGetsAHeadingAndASingleProgramDoesNot() {
        String html = render(List.of(row("cat", "cat", ProcessStateCode.RUNNING, "x"),
                row("web", "a", ProcessStateCode.RUNNING, "x")));
        assertThat(html).contains("<tbody data-group=\"web\">\n<tr class=\"grouphead\"><th colspan=\"4\" "
                + "scope=\"rowgroup\">web</th></tr>").doesNotContain("rowgroup\">cat<");
    }

    @Test
    void stateCellsUseSupervisorsClassesAndLowerCaseNames() {
        String html = render(List.of(row("a", "a", ProcessStateCode.RUNNING, ""),
                row("b", "b", ProcessStateCode.FATAL, ""), row("c", "c", ProcessStateCode.BACKOFF, ""),
                row("d", "d", ProcessStateCode.STARTING, ""), row("e", "e", ProcessStateCode.EXITED, "")));
        assertThat(html).contains("<span class=\"statusrunning\">running</span>",
                "<span class=\"statuserror\">fatal</span>", "<span class=\"statuserror\">backoff</span>",
                "<span class=\"statusnominal\">starting</span>", "<span class=\"statusnominal\">exited</span>");
    }

    @Test
    void actionsDependOnTheStateAndTailLinksAreAlwaysThere() {
        assertThat(Action.forState(ProcessStateCode.RUNNING)).containsExactly(Action.RESTART, Action.STOP,
                Action.CLEARLOG);
        for (ProcessStateCode s : List.of(ProcessStateCode.STOPPED, ProcessStateCode.EXITED, ProcessStateCode.FATAL)) {
            assertThat(Action.forState(s)).containsExactly(Action.START, Action.CLEARLOG);
        }
        for (ProcessStateCode s : List.of(ProcessStateCode.STARTING, ProcessStateCode.BACKOFF,
                ProcessStateCode.STOPPING, ProcessStateCode.UNKNOWN)) {
            assertThat(Action.forState(s)).containsExactly(Action.CLEARLOG);
        }
        String html = render(List.of(row("grp", "a", ProcessStateCode.RUNNING, "")));
        assertThat(html).contains("<button type=\"submit\" name=\"action\" value=\"stop\" "
                        + "formaction=\"index.html?processname=grp%3Aa\" data-processname=\"grp:a\">Stop</button>",
                "<a href=\"logtail/grp%3Aa\" target=\"_blank\">Tail -f Stdout</a>",
                "<a href=\"logtail/grp%3Aa/stderr\" target=\"_blank\">Tail -f Stderr</a>",
                "<a href=\"tail.html?processname=grp%3Aa\" target=\"_blank\">grp:a</a>");
    }

    @Test
    void everythingFromOutsideIsEscaped() {
        String html = StatusPage.render("<b>hi</b>", List.of(row("g\"<", "<x>", ProcessStateCode.RUNNING,
                "<img src=x onerror=alert(1)>")), "\"tok", "4.2.5", "2026");
        assertThat(html).doesNotContain("<b>hi", "<img", "<x>", "value=\"\"tok")
                .contains("&lt;b&gt;hi&lt;/b&gt;", "&lt;img src=x onerror=alert(1)&gt;", "g&quot;&lt;:&lt;x&gt;",
                        "processname=g%22%3C%3A%3Cx%3E", "value=\"&quot;tok\"");
    }

    @Test
    void theMessageBoxIsHiddenWithoutAMessage() {
        assertThat(StatusPage.message(null)).contains("class=\"hidden\"");
        assertThat(StatusPage.message("Process a started"))
                .isEqualTo("<div id=\"statusmessage\" class=\"status_msg\" role=\"status\">Process a started</div>");
    }

    @Test
    void noProcessesSaySo() {
        assertThat(render(List.of())).contains("No programs to manage").doesNotContain("<table");
    }

    @Test
    void theFooterShowsTheVersionAndYear() {
        assertThat(render(List.of())).contains("<span id=\"supervisor_version\">4.2.5</span>",
                "&copy; 2006-<span id=\"copyright_date\">2026</span>");
    }
}
