package jsupervisor.ctl;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;

/**
 * Gets the JDK's socket machinery ready while the main thread reads the options and the config file. A cold
 * JVM's first socket channel costs 20-40 ms before any byte moves: {@code SelectorProvider.provider()} looks for
 * a provider in every jar of the class path, and {@code UnixDomainSockets} seeds a SecureRandom through the
 * security providers. Naming the platform's provider skips the jar scan; opening and closing one unix-domain
 * channel on a background thread does the rest off the main thread (class initialisation happens once per JVM,
 * and a thread that needs a class being initialised waits for it). Nothing is bound or connected.
 */
final class SocketWarmUp {
    private static final String PROVIDER_PROPERTY = "java.nio.channels.spi.SelectorProvider";
    /** The JDK's own provider on Linux, the one its service lookup ends up with there. */
    private static final String LINUX_PROVIDER = "sun.nio.ch.EPollSelectorProvider";

    private SocketWarmUp() {}

    static void start() {
        nameProvider();
        Thread t = new Thread(() -> {
            try {
                SocketChannel.open(StandardProtocolFamily.UNIX).close();
            } catch (IOException | UnsupportedOperationException e) {
                // no unix sockets here: the first connect reports whatever is wrong
            }
        }, "socket-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Only where that class exists and nobody chose another: elsewhere the JDK's own lookup runs, as before. */
    private static void nameProvider() {
        if (System.getProperty(PROVIDER_PROPERTY) != null) {
            return;
        }
        try {
            Class.forName(LINUX_PROVIDER, false, null);
            System.setProperty(PROVIDER_PROPERTY, LINUX_PROVIDER);
        } catch (ClassNotFoundException e) {
            // not Linux, or a JDK that renamed it
        }
    }
}
