package jsupervisor.common.xmlrpc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The payloads under {@code src/test/resources/jsupervisor/common/xmlrpc/captured/}: requests written by
 * Python 3.11's {@code xmlrpc.client.dumps} and the answers of a real supervisord 4.2.5 to them,
 * recorded by {@code capture.py} in the same directory.
 */
public final class Captured {
    private Captured() {}

    public static byte[] bytes(String name) {
        try (InputStream in = Captured.class.getResourceAsStream("captured/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no captured payload " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
