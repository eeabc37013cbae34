package jsupervisor.common.xmlrpc;

import java.util.List;
import java.util.Objects;

/**
 * A parsed {@code <methodCall>}: the method name exactly as sent and its positional params.
 *
 * <p>Immutable. {@code methodName} is non-empty (Supervisor rejects an empty one with HTTP 400 "no
 * method name" before any dispatch, so the reader does too); {@code params} is unmodifiable and
 * empty when the call had no {@code <params>} element.
 *
 * @param methodName the dotted name, e.g. {@code supervisor.getProcessInfo}; not validated further
 * @param params the positional arguments in order
 */
public record XmlRpcCall(String methodName, List<XmlRpcValue> params) {
    public XmlRpcCall {
        Objects.requireNonNull(methodName, "methodName");
        if (methodName.isEmpty()) {
            throw new IllegalArgumentException("methodName is empty");
        }
        params = List.copyOf(params);
    }

    public XmlRpcCall(String methodName, XmlRpcValue... params) {
        this(methodName, List.of(params));
    }
}
