package jsupervisor.daemon.loop;

import java.io.IOException;

import jsupervisor.daemon.logging.SyslogSink;
import jsupervisor.daemon.posix.PosixException;
import jsupervisor.daemon.posix.UnixDatagramSocket;

/**
 * Connects syslog sinks to the local syslog daemon's {@code /dev/log} datagram socket, as glibc's
 * {@code syslog(3)} (and so Supervisor) does.
 */
public final class DevLogConnector implements SyslogSink.Connector {
    static final String DEV_LOG = "/dev/log";

    @Override
    public SyslogSink.Transport connect() throws IOException {
        UnixDatagramSocket socket;
        try {
            socket = UnixDatagramSocket.connect(DEV_LOG);
        } catch (PosixException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new SyslogSink.Transport() {
            @Override
            public void send(byte[] message) throws IOException {
                try {
                    socket.send(message);
                } catch (PosixException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }

            @Override
            public void close() {
                socket.close();
            }
        };
    }
}
