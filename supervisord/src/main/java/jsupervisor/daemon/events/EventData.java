package jsupervisor.daemon.events;

import jsupervisor.common.ini.PythonRepr;

/**
 * The data part of PROCESS_LOG and PROCESS_COMMUNICATION payloads: the child's bytes decoded as strict UTF-8,
 * or {@code Undecodable: b'...'} ({@code 'Undecodable: %r' % self.data} in {@code supervisor/events.py}).
 * Stateless; the rendering itself is shared with the main-log mirror ({@link PythonRepr}).
 */
final class EventData {
    private EventData() {
    }

    /** {@code as_string(data)}, or the {@code Undecodable:} form when strict UTF-8 decoding fails. */
    static String render(byte[] data) {
        return PythonRepr.utf8OrUndecodable(data);
    }

    /** Python's {@code repr()} of a {@code bytes} value. */
    static String bytesRepr(byte[] data) {
        return PythonRepr.bytes(data);
    }
}
