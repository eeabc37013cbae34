package jsupervisor.daemon.rpc;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the method table: the public name, its {@code system.methodSignature} types and the handler.
 * {@code required} leading params must be sent, the rest are optional (Python defaults such as
 * {@code wait=True}); any other count is INCORRECT_PARAMETERS, as Python's {@code TypeError} makes it. Immutable.
 *
 * @param name       {@code namespace.method}
 * @param returnType the XML-RPC type of the result, as Supervisor's docstring {@code @return} tag says
 * @param paramTypes the types of all params, in order ({@code @param} tags)
 */
public record RpcMethod(String name, String returnType, List<String> paramTypes, int required, RpcHandler handler) {
    public RpcMethod {
        Objects.requireNonNull(name, "name");
        paramTypes = List.copyOf(paramTypes);
        if (required < 0 || required > paramTypes.size()) {
            throw new IllegalArgumentException(name + ": required " + required + " of " + paramTypes.size());
        }
    }

    /** A method whose params are all required. */
    public static RpcMethod of(String name, String returnType, List<String> paramTypes, RpcHandler handler) {
        return new RpcMethod(name, returnType, paramTypes, paramTypes.size(), handler);
    }

    /** The same method under another name (Supervisor's b/c aliases share the function and its docstring). */
    public RpcMethod alias(String aliasName) {
        return new RpcMethod(aliasName, returnType, paramTypes, required, handler);
    }

    public boolean accepts(int paramCount) {
        return paramCount >= required && paramCount <= paramTypes.size();
    }

    /** {@code [returntype, paramtype...]}. */
    public List<String> signature() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(returnType), paramTypes.stream()).toList();
    }
}
