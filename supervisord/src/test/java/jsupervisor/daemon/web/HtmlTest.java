package jsupervisor.daemon.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "plain text|plain text",
        "<script>alert(1)</script>|&lt;script&gt;alert(1)&lt;/script&gt;",
        "a & b|a &amp; b",
        "`\"quoted\" 'single'`|&quot;quoted&quot; &#39;single&#39;",
        "&amp;|&amp;amp;",
        "`tab\tand newline`|`tab\tand newline`",
    })
    void escapeMakesTextInertInContentAndAttributes(String raw, String escaped) {
        assertThat(Html.escape(raw)).isEqualTo(escaped);
    }

    @org.junit.jupiter.api.Test
    void controlCharactersBecomeReplacementCharacters() {
        assertThat(Html.escape("\u0000")).isEqualTo("\uFFFD");
        assertThat(Html.escape("a\u0007b")).isEqualTo("a\uFFFDb");
        assertThat(Html.escape("\u007f\u0085")).isEqualTo("\uFFFD\uFFFD");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // expected values from Python 3.11: urllib.parse.quote(s)
        "grp:a|grp%3Aa",
        "plain|plain",
        "a b|a%20b",
        "a/b|a/b",
        "-_.~|-_.~",
        "é|%C3%A9",
        "Process echo started|Process%20echo%20started",
        "Tue Nov  4 05:02:29 2026|Tue%20Nov%20%204%2005%3A02%3A29%202026",
        "&=?#%+|%26%3D%3F%23%25%2B",
    })
    void quoteMatchesPythonsUrllibQuote(String raw, String quoted) {
        assertThat(Html.quote(raw)).isEqualTo(quoted);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a/b|a%2Fb"})
    void quoteWithoutSafeCharactersEncodesTheSlashToo(String raw, String quoted) {
        assertThat(Html.quote(raw, "")).isEqualTo(quoted);
    }

    @org.junit.jupiter.api.Test
    void nullEscapesToNothing() {
        assertThat(Html.escape(null)).isEmpty();
    }
}
