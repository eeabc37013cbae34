package jsupervisor.daemon.logging;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens the file channel of a {@link RotatingFileSink}: the seam through which tests inject a failing channel
 * (a full disk) without a real tiny filesystem.
 *
 * <p>Stateless; called on the loop thread only.
 */
@FunctionalInterface
public interface ChannelOpener {

    /** The real thing: create if missing, append mode, permissions {@code 0666 & ~umask} like Python's open. */
    ChannelOpener FILES = (path, truncate) -> {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        if (truncate) {
            // The JDK refuses APPEND together with TRUNCATE_EXISTING, so truncate the opened append channel;
            // this is Python's open(name, 'wb') after a rollover.
            try {
                channel.truncate(0);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        }
        return channel;
    };

    /**
     * Opens {@code path} for appending, creating it when missing; when {@code truncate} is true the existing
     * content is discarded first (the reopen after a rollover).
     */
    FileChannel open(Path path, boolean truncate) throws IOException;
}
