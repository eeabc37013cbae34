package jsupervisor.common.xmlrpc;

import java.util.Objects;

/**
 * An XML-RPC fault: the {@code faultCode} and {@code faultString} a server answers instead of a
 * value. Thrown by {@link XmlRpcReader#readMethodResponse} the way Python's {@code xmlrpc.client}
 * raises {@code Fault}; written by {@link XmlRpcWriter#fault}.
 *
 * <p>On the wire (Python's {@code dumps(Fault)}, which Supervisor sends unchanged) a fault is a
 * struct with exactly two members in this order: {@code faultCode} (int) then {@code faultString}
 * (string). Supervisor's strings are {@code NAME} or {@code NAME: extra}; building them belongs
 * to {@code jsupervisor.common.api.Fault}, this class carries any code and text.
 *
 * <p>Immutable. It is a protocol answer rather than a bug, so it records no stack trace.
 */
public final class XmlRpcFault extends Exception {
    private final int faultCode;
    private final String faultString;

    public XmlRpcFault(int faultCode, String faultString) {
        super(faultCode + ": " + faultString, null, false, false);
        this.faultCode = faultCode;
        this.faultString = Objects.requireNonNull(faultString, "faultString");
    }

    /**
     * Reads the fault struct as Python's {@code Fault(**struct)} would: both members required,
     * with their wire types. Also how a {@code system.multicall} result element is recognised.
     *
     * @throws XmlRpcTypeException when a member is missing, mistyped, or the struct has others
     */
    public static XmlRpcFault fromStruct(XmlRpcValue.Struct struct) {
        if (struct.members().size() != 2) {
            throw new XmlRpcTypeException("a fault struct has exactly faultCode and faultString, got "
                    + struct.members().keySet());
        }
        return new XmlRpcFault(struct.getInt("faultCode"), struct.getString("faultString"));
    }

    /** True for a struct shaped like a fault, e.g. a failed call's slot in a multicall answer. */
    public static boolean isFaultStruct(XmlRpcValue value) {
        return value instanceof XmlRpcValue.Struct s && s.members().size() == 2
                && s.members().get("faultCode") instanceof XmlRpcValue.Int(long code) && code == (int) code
                && s.members().get("faultString") instanceof XmlRpcValue.Str;
    }

    public int faultCode() {
        return faultCode;
    }

    public String faultString() {
        return faultString;
    }

    /** The wire struct, members in Python's order; also a multicall slot for a failed call. */
    public XmlRpcValue.Struct toStruct() {
        return XmlRpcValue.Struct.builder()
                .put("faultCode", faultCode)
                .put("faultString", faultString)
                .build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XmlRpcFault f && f.faultCode == faultCode && f.faultString.equals(faultString);
    }

    @Override
    public int hashCode() {
        return 31 * faultCode + faultString.hashCode();
    }

    @Override
    public String toString() {
        return "XmlRpcFault[faultCode=" + faultCode + ", faultString=" + faultString + "]";
    }
}
