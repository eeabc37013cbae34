package jsupervisor.ctl;

/**
 * The server answered an XML-RPC request with an HTTP status other than 200, like Python's
 * {@code xmlrpc.client.ProtocolError}. Immutable.
 */
public final class ProtocolError extends Exception {
    private final int status;
    private final String reason;

    public ProtocolError(int status, String reason) {
        super(null, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    /** Python's repr: the URL is always {@code 127.0.0.1/RPC2}, the fake one supervisorctl hands to ServerProxy. */
    @Override
    public String getMessage() {
        return "<ProtocolError for 127.0.0.1/RPC2: " + status + " " + reason + ">";
    }
}
