package jsupervisor.common.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import jsupervisor.common.xmlrpc.Python3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameSpecTest {
    private static final List<String> SPECS = List.of("foo", "web:app", "web:*", "web:", "a:b:c", ":x", "", ":",
            "g:**", "multi_00", " sp ace : x ");

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        // namespec, group, process (NULL = whole group), canonical
        "foo,       foo,   foo,   foo",
        "web:app,   web,   app,   web:app",
        "web:*,     web,   NULL,  web:*",
        "web:,      web,   NULL,  web:*",
        "a:b:c,     a,     b:c,   a:b:c",
        "foo:foo,   foo,   foo,   foo",
        "g:**,      g,     **,    g:**"})
    void parsesAsSplitNamespecDoes(String spec, String group, String process, String canonical) {
        NameSpec parsed = NameSpec.parse(spec);
        assertThat(parsed).isEqualTo(new NameSpec(group, process));
        assertThat(parsed.isGroup()).isEqualTo(process == null);
        assertThat(parsed).hasToString(canonical);
    }

    @ParameterizedTest
    @CsvSource({"foo, foo, foo", "web, app, web:app", "multi, multi_00, multi:multi_00"})
    void formatsAsMakeNamespecDoes(String group, String process, String namespec) {
        assertThat(NameSpec.format(group, process)).isEqualTo(namespec);
        assertThat(NameSpec.ofProcess(group, process)).hasToString(namespec);
    }

    @Test
    void groupFactoryMeansTheWholeGroup() {
        assertThat(NameSpec.ofGroup("web")).isEqualTo(NameSpec.parse("web:*")).hasToString("web:*");
    }

    @Test
    void splitAgreesWithSupervisorOptionsForOddInput() throws Exception {
        byte[] out = Python3.runWithSupervisor("""
                import sys
                from supervisor.options import split_namespec
                for spec in sys.stdin.read().split('\\n'):
                    print(repr(split_namespec(spec)))
                """, String.join("\n", SPECS).getBytes(StandardCharsets.UTF_8));
        String ours = SPECS.stream().map(NameSpec::parse)
                .map(n -> "(" + pyRepr(n.group()) + ", " + (n.process() == null ? "None" : pyRepr(n.process())) + ")")
                .collect(Collectors.joining("\n", "", "\n"));
        assertThat(ours).isEqualTo(new String(out, StandardCharsets.UTF_8));
    }

    private static String pyRepr(String s) {
        return "'" + s + "'"; // the specs above hold no quotes or backslashes
    }
}
