package jsupervisor.daemon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The parameter merge of Supervisor's {@code continue_request} (REFERENCE.md §8.1), quirks included. */
class FormTest {

    private static byte[] body(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theFirstOfDuplicateQueryParametersWins() {
        Form form = Form.parse("action=stop&action=start", new byte[0]);
        assertThat(form.get("action")).contains("stop");
    }

    @Test
    void bodyParametersOverrideTheQueryAndTheLastDuplicateWins() {
        Form form = Form.parse("action=stop&processname=a", body("action=start&action=restart"));
        assertThat(form.get("action")).contains("restart");
        assertThat(form.get("processname")).contains("a");
    }

    @Test
    void blankValuesAndPiecesWithoutEqualsAreDropped() {
        Form form = Form.parse("message=&processname&action=refresh&=x", new byte[0]);
        assertThat(form.get("message")).isEmpty();
        assertThat(form.get("processname")).isEmpty();
        assertThat(form.get("action")).contains("refresh");
        assertThat(form.asMap()).containsOnlyKeys("action", "");
    }

    @Test
    void plusIsASpaceAndPercentEscapesAreUtf8() {
        Form form = Form.parse("message=Process+grp%3Aa+started&x=%C3%A9", new byte[0]);
        assertThat(form.get("message")).contains("Process grp:a started");
        assertThat(form.get("x")).contains("é");
    }

    @Test
    void malformedEscapesStayAndBadUtf8BecomesReplacementCharacters() {
        Form form = Form.parse("a=%zz%4&b=%ff%fe&c=100%", new byte[0]);
        assertThat(form.get("a")).contains("%zz%4");
        assertThat(form.get("b")).contains("\uFFFD\uFFFD");
        assertThat(form.get("c")).contains("100%");
    }

    @Test
    void semicolonsDoNotSeparateParameters() {
        Form form = Form.parse("processname=a;action=stop", new byte[0]);
        assertThat(form.get("processname")).contains("a;action=stop");
        assertThat(form.get("action")).isEmpty();
    }

    @Test
    void rawUtf8InTheBodyIsKept() {
        Form form = Form.parse(null, body("processname=é"));
        assertThat(form.get("processname")).contains("é");
    }
}
