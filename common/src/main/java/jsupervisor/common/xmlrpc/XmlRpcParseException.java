package jsupervisor.common.xmlrpc;

import java.io.IOException;

/**
 * A document is not an XML-RPC message we accept: malformed or truncated XML, a DOCTYPE, an
 * unknown element, an {@code <int>} out of range, bad base64, nesting deeper than the cap.
 * Supervisor answers such a request with HTTP 400 ("unmarshallable").
 *
 * <p>An {@link IOException} because it is a property of the bytes read, like a
 * {@link java.nio.charset.CharacterCodingException}. The message says what was wrong and where
 * ({@code line:column}); it never quotes entity contents, since the reader refuses to resolve any.
 */
public final class XmlRpcParseException extends IOException {
    private final boolean noMethodName;

    public XmlRpcParseException(String message) {
        super(message);
        this.noMethodName = false;
    }

    private XmlRpcParseException(String message, boolean noMethodName) {
        super(message);
        this.noMethodName = noMethodName;
    }

    /** A {@code <methodCall>} read so far without fault that has no {@code <methodName>}, or an empty one. */
    static XmlRpcParseException withoutMethodName(XmlRpcParseException e) {
        return new XmlRpcParseException(e.getMessage(), true);
    }

    /** True for what Supervisor calls "no method name" rather than "unmarshallable". */
    public boolean noMethodName() {
        return noMethodName;
    }

    public XmlRpcParseException(String message, Throwable cause) {
        super(message, cause);
        this.noMethodName = false;
    }
}
