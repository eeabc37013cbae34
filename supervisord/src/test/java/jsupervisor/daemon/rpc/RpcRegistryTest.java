package jsupervisor.daemon.rpc;

import static jsupervisor.common.xmlrpc.XmlRpcValue.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import jsupervisor.common.api.Fault;
import jsupervisor.common.xmlrpc.XmlRpcFault;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import org.junit.jupiter.api.Test;

/** The dispatcher's own rules, with hand-written stub methods (no loop). */
class RpcRegistryTest {
    private final RpcRegistry registry = new RpcRegistry(List.of(
            RpcMethod.of("supervisor.echo", "string", List.of("string"), p -> done(of(p.string(0)))),
            new RpcMethod("supervisor.opt", "int", List.of("int", "boolean"), 1,
                    p -> done(of(p.integer(0) + (p.flag(1, true) ? 1 : 0)))),
            RpcMethod.of("supervisor.fails", "boolean", List.of(), p -> {
                throw new RpcFault(Fault.BAD_NAME, "x");
            }),
            RpcMethod.of("supervisor.later", "boolean", List.of(), p -> CompletableFuture.failedFuture(
                    new RpcFault(Fault.SPAWN_ERROR, "p"))),
            RpcMethod.of("supervisor.crashes", "boolean", List.of(), p -> {
                throw new IllegalStateException("bug");
            }),
            RpcMethod.of("supervisor.huge", "int", List.of(), p -> done(of(1L << 40)))));

    private static CompletableFuture<XmlRpcValue> done(XmlRpcValue v) {
        return CompletableFuture.completedFuture(v);
    }

    private RpcAnswer call(String name, XmlRpcValue... params) {
        return registry.call(name, List.of(params)).join();
    }

    private XmlRpcFault fault(String name, XmlRpcValue... params) {
        return ((RpcAnswer.Fault) call(name, params)).fault();
    }

    @Test
    void callsATableEntry() {
        assertThat(call("supervisor.echo", of("hi"))).isEqualTo(new RpcAnswer.Value(of("hi")));
    }

    @Test
    void optionalTrailingParams() {
        assertThat(call("supervisor.opt", of(1))).isEqualTo(new RpcAnswer.Value(of(2)));
        assertThat(call("supervisor.opt", of(1), of(false))).isEqualTo(new RpcAnswer.Value(of(1)));
        assertThat(call("supervisor.opt", of("41"), of(""))).isEqualTo(new RpcAnswer.Value(of(41)));
    }

    @Test
    void wrongArityIsIncorrectParameters() {
        assertThat(fault("supervisor.echo")).isEqualTo(new XmlRpcFault(2, "INCORRECT_PARAMETERS"));
        assertThat(fault("supervisor.echo", of("a"), of("b")).faultCode()).isEqualTo(2);
        assertThat(fault("supervisor.opt").faultCode()).isEqualTo(2);
        assertThat(fault("supervisor.opt", of(1), of(true), of(3)).faultCode()).isEqualTo(2);
    }

    @Test
    void wrongTypesAreIncorrectParameters() {
        assertThat(fault("supervisor.echo", of(5)).faultCode()).isEqualTo(2);
        assertThat(fault("supervisor.opt", of("x")).faultCode()).isEqualTo(2);
        assertThat(fault("supervisor.opt", XmlRpcValue.array()).faultCode()).isEqualTo(2);
        // Python's ints have no size: a param beyond 32 bits is accepted (the stub's echo of it is then too big
        // for an answer, which Python's marshaller refuses with HTTP 500)
        assertThat(call("supervisor.opt", of(1L << 33)))
                .isEqualTo(new RpcAnswer.ServerError("int exceeds XML-RPC limits in the result"));
        assertThat(call("supervisor.echo", XmlRpcValue.of("é".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .isEqualTo(new RpcAnswer.Value(of("é"))); // Supervisor decodes base64 params to strings
    }

    @Test
    void unknownPrivateAndDottedNamesAreUnknownMethod() {
        for (String name : List.of("supervisor.nope", "nope.echo", "supervisor._echo", "supervisor.echo.x",
                "echo", "supervisor.", ".echo", "system._listMethods", "supervisor.__init__")) {
            assertThat(fault(name)).as(name).isEqualTo(new XmlRpcFault(1, "UNKNOWN_METHOD"));
        }
    }

    @Test
    void faultsThrownOrCompletedBecomeFaultAnswers() {
        assertThat(fault("supervisor.fails")).isEqualTo(new XmlRpcFault(10, "BAD_NAME: x"));
        assertThat(fault("supervisor.later")).isEqualTo(new XmlRpcFault(50, "SPAWN_ERROR: p"));
    }

    @Test
    void unexpectedExceptionsAndHugeIntsAreServerErrors() {
        assertThat(call("supervisor.crashes")).isInstanceOf(RpcAnswer.ServerError.class);
        assertThat(call("supervisor.huge")).isInstanceOf(RpcAnswer.ServerError.class);
        assertThat(call("supervisor.crashes").body()).isNull();
    }

    @Test
    void systemMethodsSeeTheTable() {
        List<XmlRpcValue> names = ((RpcAnswer.Value) call("system.listMethods")).value().asList();
        assertThat(names).extracting(XmlRpcValue::asString).isSorted().contains("supervisor.echo",
                "system.listMethods", "system.methodHelp", "system.methodSignature", "system.multicall");
        assertThat(call("system.methodSignature", of("supervisor.opt")))
                .isEqualTo(new RpcAnswer.Value(XmlRpcValue.array(of("int"), of("int"), of("boolean"))));
        assertThat(fault("system.methodSignature", of(3)).faultCode()).isEqualTo(4);
        assertThat(fault("system.methodHelp", of("supervisor.nope")).faultCode()).isEqualTo(4);
    }

    @Test
    void multicallSlotsAndCrashes() {
        XmlRpcValue calls = XmlRpcValue.array(
                XmlRpcValue.Struct.builder().put("methodName", "supervisor.echo")
                        .put("params", XmlRpcValue.array(of("a"))).build(),
                XmlRpcValue.Struct.builder().put("methodName", "supervisor.fails").build(),
                XmlRpcValue.Struct.builder().put("methodName", "supervisor.crashes").build());
        List<XmlRpcValue> out = ((RpcAnswer.Value) call("system.multicall", calls)).value().asList();
        assertThat(out.get(0)).isEqualTo(of("a"));
        assertThat(out.get(1)).isEqualTo(new XmlRpcFault(10, "BAD_NAME: x").toStruct());
        assertThat(out.get(2).asStruct().getInt("faultCode")).isEqualTo(30);
        assertThat(out.get(2).asStruct().getString("faultString")).startsWith("FAILED: ");
    }
}
