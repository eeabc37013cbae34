package jsupervisor.common.xmlrpc;

/**
 * A well-formed XML-RPC value had the wrong shape for its reader: another type, a missing struct
 * member, an int too big for 32 bits. A daemon answers it with INCORRECT_PARAMETERS; a client
 * reports the server's answer as unexpected.
 *
 * <p>Unchecked because it is a contract violation by the peer, found while unpacking a value the
 * codec already accepted. Immutable; carries no stack trace worth having beyond the caller's.
 */
public final class XmlRpcTypeException extends IllegalArgumentException {
    public XmlRpcTypeException(String message) {
        super(message);
    }
}
