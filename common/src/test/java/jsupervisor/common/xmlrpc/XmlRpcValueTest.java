package jsupervisor.common.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class XmlRpcValueTest {

    static Stream<Arguments> typeNames() {
        return Stream.of(
                Arguments.of(XmlRpcValue.of(1), "int"),
                Arguments.of(XmlRpcValue.of(true), "boolean"),
                Arguments.of(XmlRpcValue.of("s"), "string"),
                Arguments.of(XmlRpcValue.of(1.5), "double"),
                Arguments.of(XmlRpcValue.of(LocalDateTime.of(2026, 1, 1, 0, 0)), "dateTime.iso8601"),
                Arguments.of(XmlRpcValue.of(new byte[0]), "base64"),
                Arguments.of(XmlRpcValue.array(), "array"),
                Arguments.of(XmlRpcValue.Struct.builder().build(), "struct"),
                Arguments.of(XmlRpcValue.Nil.INSTANCE, "nil"));
    }

    @ParameterizedTest
    @MethodSource("typeNames")
    void typeNameIsTheWireElement(XmlRpcValue value, String typeName) {
        assertThat(value.typeName()).isEqualTo(typeName);
    }

    @Test
    void accessorsReturnTheirOwnType() {
        assertThat(XmlRpcValue.of(7).asInt()).isEqualTo(7);
        assertThat(XmlRpcValue.of(1L << 40).asLong()).isEqualTo(1L << 40);
        assertThat(XmlRpcValue.of(true).asBoolean()).isTrue();
        assertThat(XmlRpcValue.of("x").asString()).isEqualTo("x");
        assertThat(XmlRpcValue.of(2.5).asDouble()).isEqualTo(2.5);
        assertThat(XmlRpcValue.of(LocalDateTime.of(2026, 1, 2, 3, 4, 5)).asDateTime())
                .isEqualTo(LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        assertThat(XmlRpcValue.of(new byte[] {1, 2}).asBytes()).containsExactly(1, 2);
        assertThat(XmlRpcValue.array(XmlRpcValue.of(1)).asList()).containsExactly(XmlRpcValue.of(1));
        assertThat(XmlRpcValue.Struct.builder().put("k", "v").build().asStruct().getString("k")).isEqualTo("v");
    }

    static Stream<Arguments> mismatches() {
        return Stream.of(
                Arguments.of((Runnable) () -> XmlRpcValue.of("1").asInt(), "expected int but got string"),
                Arguments.of((Runnable) () -> XmlRpcValue.of(1).asString(), "expected string but got int"),
                Arguments.of((Runnable) () -> XmlRpcValue.of(1).asBoolean(), "expected boolean but got int"),
                Arguments.of((Runnable) () -> XmlRpcValue.of(1).asDouble(), "expected double but got int"),
                Arguments.of((Runnable) () -> XmlRpcValue.of("x").asDateTime(),
                        "expected dateTime.iso8601 but got string"),
                Arguments.of((Runnable) () -> XmlRpcValue.of("x").asBytes(), "expected base64 but got string"),
                Arguments.of((Runnable) () -> XmlRpcValue.Nil.INSTANCE.asList(), "expected array but got nil"),
                Arguments.of((Runnable) () -> XmlRpcValue.array().asStruct(), "expected struct but got array"),
                Arguments.of((Runnable) () -> XmlRpcValue.of(1L << 31).asInt(), "does not fit 32 bits"),
                Arguments.of((Runnable) () -> XmlRpcValue.array().get(0), "array has 0 elements, no index 0"),
                Arguments.of((Runnable) () -> XmlRpcValue.Struct.builder().build().get("pid"), "no member 'pid'"));
    }

    @ParameterizedTest
    @MethodSource("mismatches")
    void wrongTypesAreTypeExceptionsNamingBothTypes(Runnable access, String message) {
        assertThatThrownBy(access::run).isInstanceOf(XmlRpcTypeException.class).hasMessageContaining(message);
    }

    @Test
    void structKeepsInsertionOrderAndPythonDictSemanticsForRepeats() {
        var struct = XmlRpcValue.Struct.builder().put("b", 1).put("a", 2).put("b", 3).build();
        assertThat(struct.members().sequencedKeySet()).containsExactly("b", "a");
        assertThat(struct.getInt("b")).isEqualTo(3);
    }

    @Test
    void structAndArrayAreImmutableCopies() {
        var source = new LinkedHashMap<String, XmlRpcValue>();
        source.put("k", XmlRpcValue.of(1));
        var struct = new XmlRpcValue.Struct(source);
        source.put("later", XmlRpcValue.of(2));
        assertThat(struct.has("later")).isFalse();
        assertThatThrownBy(() -> struct.members().put("x", XmlRpcValue.of(1)))
                .isInstanceOf(UnsupportedOperationException.class);

        List<XmlRpcValue> list = new ArrayList<>(List.of(XmlRpcValue.of(1)));
        var array = XmlRpcValue.array(list);
        list.add(XmlRpcValue.of(2));
        assertThat(array.size()).isEqualTo(1);
        assertThatThrownBy(() -> array.values().add(XmlRpcValue.of(3)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void base64CopiesInAndOutAndComparesByContent() {
        byte[] bytes = {1, 2, 3};
        var value = XmlRpcValue.of(bytes);
        bytes[0] = 9;
        value.value()[1] = 9;
        assertThat(value.value()).containsExactly(1, 2, 3);
        var same = XmlRpcValue.of(new byte[] {1, 2, 3});
        assertThat(value).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(value).isNotEqualTo(XmlRpcValue.of(new byte[] {1, 2}));
        assertThat(value).hasToString("Base64[010203]");
    }

    @Test
    void doubleEqualityFollowsDoubleCompareSoNanRoundTripsEqual() {
        assertThat(XmlRpcValue.of(Double.NaN)).isEqualTo(XmlRpcValue.of(Double.NaN));
        assertThat(XmlRpcValue.of(0.0)).isNotEqualTo(XmlRpcValue.of(-0.0));
    }

    @Test
    void dateTimeHasWholeSecondsAndFourDigitYears() {
        assertThatThrownBy(() -> XmlRpcValue.of(LocalDateTime.of(2026, 1, 1, 0, 0, 0, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> XmlRpcValue.of(LocalDateTime.of(10000, 1, 1, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("four-digit year");
        assertThat(XmlRpcValue.DateTime.ofTruncated(LocalDateTime.of(2026, 1, 1, 0, 0, 1, 999_999_999)).value())
                .isEqualTo(LocalDateTime.of(2026, 1, 1, 0, 0, 1));
    }

    @Test
    void nullsAreRefused() {
        assertThatThrownBy(() -> XmlRpcValue.of((String) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> XmlRpcValue.Struct.builder().put("k", (String) null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> XmlRpcValue.array((XmlRpcValue) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void nilIsOneValue() {
        assertThat(new XmlRpcValue.Nil()).isEqualTo(XmlRpcValue.Nil.INSTANCE);
    }

    @Test
    void callNeedsAMethodName() {
        assertThatThrownBy(() -> new XmlRpcCall("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new XmlRpcCall("a.b", XmlRpcValue.of(1)).params()).containsExactly(XmlRpcValue.of(1));
    }

    @Test
    void faultStructIsFaultCodeThenFaultString() throws Exception {
        var fault = new XmlRpcFault(70, "NOT_RUNNING: web:x");
        assertThat(fault.toStruct().members().sequencedKeySet()).containsExactly("faultCode", "faultString");
        assertThat(XmlRpcFault.fromStruct(fault.toStruct())).isEqualTo(fault);
        assertThat(XmlRpcFault.isFaultStruct(fault.toStruct())).isTrue();
        assertThat(fault.getStackTrace()).isEmpty();
    }

    static Stream<XmlRpcValue> notFaults() {
        return Stream.of(
                XmlRpcValue.of(1),
                XmlRpcValue.Struct.builder().put("faultCode", 1).build(),
                XmlRpcValue.Struct.builder().put("faultCode", "1").put("faultString", "x").build(),
                XmlRpcValue.Struct.builder().put("faultCode", 1L << 33).put("faultString", "x").build(),
                XmlRpcValue.Struct.builder().put("faultCode", 1).put("faultString", "x").put("extra", 1).build(),
                XmlRpcValue.Struct.builder().put("statecode", 1).put("statename", "RUNNING").build());
    }

    @ParameterizedTest
    @MethodSource("notFaults")
    void onlyTheExactFaultShapeIsAFault(XmlRpcValue value) {
        assertThat(XmlRpcFault.isFaultStruct(value)).isFalse();
        if (value instanceof XmlRpcValue.Struct s) {
            assertThatThrownBy(() -> XmlRpcFault.fromStruct(s)).isInstanceOf(XmlRpcTypeException.class);
        }
    }
}
