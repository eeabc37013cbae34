package jsupervisor.common.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class PythonValueTextTest {

    private static final XmlRpcValue TIME = XmlRpcValue.of(LocalDateTime.of(2020, 1, 2, 3, 4, 5));

    @Test
    void strOfScalarsIsPythonsStr() {
        assertThat(PythonValueText.str(XmlRpcValue.of("it's"))).isEqualTo("it's");
        assertThat(PythonValueText.str(XmlRpcValue.of(-7))).isEqualTo("-7");
        assertThat(PythonValueText.str(XmlRpcValue.of(true))).isEqualTo("True");
        assertThat(PythonValueText.str(XmlRpcValue.of(1.5))).isEqualTo("1.5");
        assertThat(PythonValueText.str(XmlRpcValue.of(1e20))).isEqualTo("1e+20");
        assertThat(PythonValueText.str(XmlRpcValue.of(18.0))).isEqualTo("18.0");
        assertThat(PythonValueText.str(XmlRpcValue.of("caf\u00e9".getBytes(StandardCharsets.UTF_8)))).isEqualTo("caf\u00e9");
        assertThat(PythonValueText.str(TIME)).isEqualTo("2020-01-02 03:04:05");
        assertThat(PythonValueText.str(XmlRpcValue.Nil.INSTANCE)).isEqualTo("None");
    }

    @Test
    void containersShowTheReprOfTheirItems() {
        XmlRpcValue list = XmlRpcValue.array(XmlRpcValue.of("a"), XmlRpcValue.of("it's"), XmlRpcValue.of(2.5),
                XmlRpcValue.array(), TIME, XmlRpcValue.of(LocalDateTime.of(2020, 1, 2, 0, 0, 0)));
        assertThat(PythonValueText.str(list)).isEqualTo("['a', \"it's\", 2.5, [], "
                + "datetime.datetime(2020, 1, 2, 3, 4, 5), datetime.datetime(2020, 1, 2, 0, 0)]");
        XmlRpcValue struct = XmlRpcValue.Struct.builder().put("a", 1).put("b", XmlRpcValue.array(XmlRpcValue.of(false)))
                .put("c\n", XmlRpcValue.Struct.builder().build()).build();
        assertThat(PythonValueText.str(struct)).isEqualTo("{'a': 1, 'b': [False], 'c\\n': {}}");
        assertThat(PythonValueText.repr(XmlRpcValue.of("x"))).isEqualTo("'x'");
    }

    @Test
    void typeNamesAreThoseAnAttributeErrorShows() {
        assertThat(PythonValueText.typeName(XmlRpcValue.of(5))).isEqualTo("int");
        assertThat(PythonValueText.typeName(XmlRpcValue.of(1.5))).isEqualTo("float");
        assertThat(PythonValueText.typeName(XmlRpcValue.array())).isEqualTo("list");
        assertThat(PythonValueText.typeName(XmlRpcValue.Struct.builder().build())).isEqualTo("dict");
        assertThat(PythonValueText.typeName(TIME)).isEqualTo("datetime.datetime");
        assertThat(PythonValueText.typeName(XmlRpcValue.of(true))).isEqualTo("bool");
    }
}
