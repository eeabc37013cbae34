package jsupervisor.daemon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import jsupervisor.common.api.ProcessStateCode;

class JsonTest {

    @Test
    void stringsAreEscapedAndHtmlCharactersMadeInert() {
        assertThat(Json.quote("a\"b\\c\nd\te\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001\"");
        assertThat(Json.quote("</script><b>&")).isEqualTo("\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\"");
        assertThat(Json.quote("\u2028é😀")).isEqualTo("\"\\u2028é😀\"");
        assertThat(Json.quote("lone \uD800 surrogate")).isEqualTo("\"lone \\ufffd surrogate\"");
        assertThat(Json.quote(null)).isEqualTo("null");
    }

    @Test
    void theStatusViewCarriesWhatTheRowShows() {
        String json = StatusJson.render(List.of(StatusPageTest.row("grp", "a", ProcessStateCode.RUNNING,
                "pid 1, uptime 0:00:01")));
        assertThat(json).isEqualTo("{\"processes\":[{\"namespec\":\"grp:a\",\"group\":\"grp\",\"name\":\"a\","
                + "\"state\":20,\"statename\":\"RUNNING\",\"status\":\"running\",\"css\":\"statusrunning\","
                + "\"description\":\"pid 1, uptime 0:00:01\",\"actions\":[{\"action\":\"restart\",\"label\":"
                + "\"Restart\"},{\"action\":\"stop\",\"label\":\"Stop\"},{\"action\":\"clearlog\",\"label\":"
                + "\"Clear Log\"}],\"grouped\":true}]}");
        assertThat(StatusJson.error("SHUTDOWN")).isEqualTo("{\"error\":\"SHUTDOWN\"}");
    }
}
