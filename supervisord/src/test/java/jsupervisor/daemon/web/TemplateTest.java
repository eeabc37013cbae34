package jsupervisor.daemon.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void slotsAreFilledInOrder() {
        Template t = Template.parse("t", "<p>{{a}} and {{ b }}</p>{{a}}");
        assertThat(t.slots()).containsExactly("a", "b");
        assertThat(t.render(Map.of("a", "1", "b", "2"))).isEqualTo("<p>1 and 2</p>1");
    }

    @Test
    void aMissingValueOrAnUnclosedSlotIsABug() {
        assertThatThrownBy(() -> Template.parse("t", "{{a}}").render(Map.of())).hasMessageContaining("{{a}}");
        assertThatThrownBy(() -> Template.parse("t", "x {{a")).hasMessageContaining("unclosed");
    }

    @Test
    void theBundledTemplatesHaveTheSlotsThePagesFill() {
        assertThat(Template.load("status.html").slots()).containsExactlyInAnyOrder("message", "token", "table",
                "version", "year");
        assertThat(Template.load("tail.html").slots()).containsExactlyInAnyOrder("title", "heading", "controls",
                "follow", "body");
        assertThat(Template.load("notice.html").slots()).containsExactlyInAnyOrder("title", "body");
    }

    @Test
    void theConfirmationPagePostsTheActionWithTheToken() {
        String html = NoticePage.confirm(Action.STOP, "grp:<a>", "tok");
        assertThat(html).contains("<title>Confirm: Stop grp:&lt;a&gt;</title>",
                "<form id=\"confirmform\" action=\"index.html\" method=\"post\">",
                "name=\"token\" value=\"tok\"", "name=\"action\" value=\"stop\"",
                "name=\"processname\" value=\"grp:&lt;a&gt;\"");
        assertThat(NoticePage.confirm(Action.STOPALL, null, "tok")).doesNotContain("processname")
                .contains("Confirm: Stop All");
    }
}
