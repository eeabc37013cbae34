package jsupervisor.daemon;

import java.io.IOException;
import java.io.InputStream;

/**
 * echo_supervisord_conf: writes jsupervisor's commented sample configuration to stdout and exits 0.
 *
 * <p>Mirrors supervisor/confecho.py: every argument is ignored and the bundled {@code sample.conf}
 * resource is copied byte for byte, so redirecting the output gives a file that loads as is. The
 * text is our own; it keeps the structure and the active settings of Supervisor's sample.
 *
 * <p>Runs on the main thread only and touches no native code, so it starts as fast as the JVM allows.
 */
public final class EchoSupervisordConf {
    /** Class-path location of the sample, next to this class. */
    static final String RESOURCE = "sample.conf";

    private EchoSupervisordConf() {}

    public static void main(String[] args) {
        // Arguments are ignored on purpose: upstream's confecho.main() never looks at sys.argv.
        try (InputStream in = EchoSupervisordConf.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                System.err.println("echo_supervisord_conf: resource " + RESOURCE + " is missing from the jar");
                System.exit(1);
            }
            // Bytes straight to fd 1 (no Writer, no PrintStream): the output must not depend on stdout.encoding,
            // and a write that fails (a full disk, /dev/full) must be an error, which PrintStream would swallow.
            java.io.OutputStream out = new java.io.FileOutputStream(java.io.FileDescriptor.out);
            in.transferTo(out);
            out.flush();
        } catch (IOException e) {
            System.err.println("echo_supervisord_conf: " + e.getMessage());
            System.exit(1);
        }
    }
}
