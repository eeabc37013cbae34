package jsupervisor.common.ini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IniParserTest {

    private static IniDocument parse(String text) throws IniSyntaxException {
        IniDocument doc = new IniDocument();
        IniParser.read(text, "/etc/s.conf", doc);
        return doc;
    }

    private static String value(String body) throws IniSyntaxException {
        return parse("[s]\n" + body).get("s", "k").map(IniValue::text).orElse(null);
    }

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("k = a ;c", "a"),
                Arguments.of("k = /bin/echo a #b", "/bin/echo a"),
                Arguments.of("k = a;b", "a;b"),
                Arguments.of("k = a#b", "a#b"),
                Arguments.of("k = bash -c 'foo ; bar'", "bash -c 'foo"),
                Arguments.of("k=a\tb", "a\tb"),
                Arguments.of("k = a\n  b\n\tc", "a\nb\nc"),
                Arguments.of("k = a\n\n  b", "a\n\nb"),
                Arguments.of("k = a\n  b\n\n", "a\nb"),
                Arguments.of("k = a\n  ; comment line\n  b", "a\nb"),
                Arguments.of("k: v", "v"),
                Arguments.of("k = v=w", "v=w"),
                Arguments.of("k = a:b", "a:b"),
                Arguments.of("K = upper", "upper"),
                Arguments.of("k = first\nk = second", "second"),
                Arguments.of("k =", ""),
                Arguments.of("k = a;b ;c", "a;b"),
                // configparser's round-based search: '#' qualifies in the first round, ';' only in the third
                Arguments.of("k = a;b;c ;d #e", "a;b;c ;d"));
    }

    @ParameterizedTest
    @MethodSource("values")
    void readsValuesAsSupervisorDoes(String body, String expected) throws Exception {
        assertThat(value(body)).isEqualTo(expected);
    }

    @Test
    void commentSearchMatchesConfigparserRounds() {
        assertThat(IniParser.Pass.commentStart("k = a;b;c ;d #e\n")).isEqualTo(13);
        assertThat(IniParser.Pass.commentStart("k = x ;y #z\n")).isEqualTo(6);
        assertThat(IniParser.Pass.commentStart("   # full\n")).isZero();
        assertThat(IniParser.Pass.commentStart("k = v\n")).isEqualTo(-1);
    }

    @Test
    void theOnePassLineScanFindsTheCommentWhereTheRoundsDo() throws Exception {
        java.util.Random random = new java.util.Random(5); // fixed seed: a failure reproduces
        String alphabet = " \t;;##ab=\u000b";
        for (int i = 0; i < 3000; i++) {
            StringBuilder tail = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                tail.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String line = "k = " + tail + "\n";
            int cs = IniParser.Pass.commentStart(line);
            String kept = PythonText.strip(cs < 0 ? line : line.substring(0, cs));
            String expected = PythonText.strip(kept.substring(kept.indexOf('=') + 1));
            assertThat(value(line)).as("%s", line).isEqualTo(cs == 0 ? null : expected);
        }
    }

    @Test
    void oneSectionCanBeReadAloneWithTheSameErrors() throws Exception {
        String text = "[DEFAULT]\nd = 1\n[program:a]\ncommand = x\n  y\n[supervisorctl]\nserverurl = unix:///s\n"
                + "  more\n[program:b]\nk=v\n";
        IniDocument doc = new IniDocument();
        IniParser.read(text, "/etc/s.conf", doc, "supervisorctl"::equals);
        assertThat(doc.sectionNames()).containsExactly("supervisorctl");
        assertThat(doc.get("supervisorctl", "serverurl").orElseThrow().text()).isEqualTo("unix:///s\nmore");
        assertThat(doc.get("supervisorctl", "d").orElseThrow().text()).isEqualTo("1");
        String bad = "[program:a]\nnovalue\n[supervisorctl]\nk=v\n";
        assertThatThrownBy(() -> IniParser.read(bad, "/etc/s.conf", new IniDocument(), "supervisorctl"::equals))
                .hasMessage("Source contains parsing errors: '/etc/s.conf'\n\t[line  2]: 'novalue\\n'");
    }

    @Test
    void anEmptyOptionNameOpensNoContinuationAsInConfigparser() {
        // configparser's optname is "" after the bad line, which is falsy: the indented line is read afresh
        assertThatThrownBy(() -> parse("[a]\n= x\n  foo\n"))
                .hasMessage("Source contains parsing errors: '/etc/s.conf'\n\t[line  2]: '= x\\n'"
                        + "\n\t[line  3]: '  foo\\n'");
    }

    @Test
    void sectionNamesAreCaseSensitiveAndKeysAreNot() throws Exception {
        IniDocument doc = parse("[Program:x]\nCOMMAND = a\n[program:x]\nCommand = b\n");
        assertThat(doc.sectionNames()).containsExactly("Program:x", "program:x");
        assertThat(doc.get("program:x", "command").orElseThrow().text()).isEqualTo("b");
    }

    @Test
    void duplicateSectionsMergeAndLaterKeysWin() throws Exception {
        IniDocument doc = parse("[a]\nx=1\ny=2\n[b]\nz=3\n[a]\nx=9\n");
        assertThat(doc.sectionNames()).containsExactly("a", "b");
        assertThat(doc.get("a", "x").orElseThrow().text()).isEqualTo("9");
        assertThat(doc.get("a", "x").orElseThrow().line()).isEqualTo(7);
        assertThat(doc.get("a", "y").orElseThrow().text()).isEqualTo("2");
    }

    @Test
    void defaultSectionSuppliesEveryOtherSection() throws Exception {
        IniDocument doc = parse("[DEFAULT]\nautostart=false\n[a]\n[b]\nautostart=true\n");
        assertThat(doc.sectionNames()).containsExactly("a", "b");
        assertThat(doc.get("a", "autostart").orElseThrow().text()).isEqualTo("false");
        assertThat(doc.get("b", "autostart").orElseThrow().text()).isEqualTo("true");
        assertThat(doc.keys("a")).containsExactly("autostart");
    }

    @Test
    void headerIgnoresTrailingTextAndUnclosedHeaderIsAKey() throws Exception {
        IniDocument doc = parse("[a] trailing\n[program:x\nk=v\n");
        assertThat(doc.sectionNames()).containsExactly("a");
        assertThat(doc.get("a", "[program").orElseThrow().text()).isEqualTo("x");
        assertThat(parse("[a] b]\n").sectionNames()).containsExactly("a] b");
    }

    @Test
    void garbageBeforeFirstSectionIsRejectedWithPythonsMessage() {
        assertThatThrownBy(() -> parse("garbage\n[a]\n"))
                .isInstanceOf(IniSyntaxException.class)
                .hasMessage("File contains no section headers.\nfile: '/etc/s.conf', line: 1\n'garbage\\n'");
    }

    @Test
    void unparseableLinesAreCollectedWithRightAlignedNumbers() {
        assertThatThrownBy(() -> parse("[a]\nnovalue\nk=v\n" + "\n".repeat(8) + "another\n"))
                .isInstanceOf(IniSyntaxException.class)
                .hasMessage("Source contains parsing errors: '/etc/s.conf'\n\t[line  2]: 'novalue\\n'"
                        + "\n\t[line 12]: 'another\\n'");
    }

    @Test
    void indentedLineAfterHeaderIsAKeyNotAContinuation() throws Exception {
        IniDocument doc = parse("[a]\n  k = v\n");
        assertThat(doc.get("a", "k").orElseThrow().text()).isEqualTo("v");
    }

    @Test
    void crlfLineEndingsAreUniversalNewlines() throws Exception {
        IniDocument doc = parse("[a]\r\nk = v\r\n  w\r\n");
        assertThat(doc.get("a", "k").orElseThrow().text()).isEqualTo("v\nw");
    }

    @Test
    void expandHereRewritesVisibleValuesIntoEachSection() throws Exception {
        IniDocument doc = parse("[DEFAULT]\nd=%(here)s/x\n[a]\nk=%(here)s/y\nl=%%(here)s\n");
        doc.expandHere("/main");
        assertThat(doc.get("a", "k").orElseThrow().text()).isEqualTo("/main/y");
        assertThat(doc.get("a", "d").orElseThrow().text()).isEqualTo("/main/x");
        // a literal %%(here)s is rewritten too, as Supervisor's textual replacement does
        assertThat(doc.get("a", "l").orElseThrow().text()).isEqualTo("%/main");
        assertThat(doc.defaults().get("d").text()).isEqualTo("%(here)s/x");
        assertThat(doc.section("a").orElseThrow().options().keySet()).containsExactly("k", "l", "d");
    }

    @Test
    void expandHereLeavesOverriddenAndPlainDefaultsAlone() throws Exception {
        IniDocument doc = parse("[DEFAULT]\nd=%(here)s/x\ne=plain\nf=%(here)s/f\n[a]\nd=own\n[b]\nz=%(here)s\n");
        doc.expandHere("/h");
        assertThat(doc.section("a").orElseThrow().options().keySet()).containsExactly("d", "f");
        assertThat(doc.get("a", "d").orElseThrow().text()).isEqualTo("own");
        assertThat(doc.get("a", "e").orElseThrow().text()).isEqualTo("plain");
        assertThat(doc.get("a", "f").orElseThrow().text()).isEqualTo("/h/f");
        assertThat(doc.section("b").orElseThrow().options().keySet()).containsExactly("z", "d", "f");
        assertThat(doc.get("b", "z").orElseThrow().text()).isEqualTo("/h");
        assertThat(doc.find("b", "e").text()).isEqualTo("plain");
        assertThat(doc.find("b", "nothing")).isNull();
    }
}
