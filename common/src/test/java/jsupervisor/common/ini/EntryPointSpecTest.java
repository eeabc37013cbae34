package jsupervisor.common.ini;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected answers are pkg_resources' own, from Debian's python3 (see the class comment). */
class EntryPointSpecTest {
    @Test
    void wellFormedSpecsPass() {
        for (String ok : new String[] {"supervisor.rpcinterface:make_main_rpcinterface", "a=b", "mod:attr [extra]",
            "x", "mod: attr", "\u00e9.mod:f", "mod:attr\n", "m:a.b.c"}) {
            assertThat(EntryPointSpec.syntaxError(ok)).as(ok).isNull();
        }
    }

    @Test
    void malformedSpecsGetPythonsTupleMessage() {
        String prefix = "(\"EntryPoint must be in 'name=module:attrs [extras]' format\", ";
        assertThat(EntryPointSpec.syntaxError("a b c")).isEqualTo(prefix + "'x=a b c')");
        assertThat(EntryPointSpec.syntaxError("")).isEqualTo(prefix + "'x=')");
        assertThat(EntryPointSpec.syntaxError("mod:")).isEqualTo(prefix + "'x=mod:')");
        assertThat(EntryPointSpec.syntaxError(":f")).isEqualTo(prefix + "'x=:f')");
        assertThat(EntryPointSpec.syntaxError("mod:attr\nb")).isEqualTo(prefix + "'x=mod:attr\\nb')");
    }
}
