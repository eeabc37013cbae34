package jsupervisor.daemon.logging;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A fake disk for {@link RotatingFileSink} tests: a {@link ChannelOpener} whose channels write to real files but
 * only while {@link #freeBytes} allows, then fail with ENOSPC's message, like a full filesystem (a write that
 * runs out of space part-way writes what fits, as write(2) does). Single-threaded, like the sink.
 */
final class FaultyDisk implements ChannelOpener {

    long freeBytes = Long.MAX_VALUE;
    int failedWrites;
    int opens;
    int closes;

    @Override
    public FileChannel open(java.nio.file.Path path, boolean truncate) throws IOException {
        opens++;
        return new Channel(ChannelOpener.FILES.open(path, truncate));
    }

    private final class Channel extends FileChannel {
        private final FileChannel real;

        Channel(FileChannel real) {
            this.real = real;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (freeBytes <= 0) {
                failedWrites++;
                throw new IOException("No space left on device");
            }
            int n = (int) Math.min(src.remaining(), freeBytes);
            ByteBuffer part = src.slice(src.position(), n);
            int written = real.write(part);
            src.position(src.position() + written);
            freeBytes -= written;
            return written;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            real.truncate(size);
            return this;
        }

        @Override
        protected void implCloseChannel() throws IOException {
            closes++;
            real.close();
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(ByteBuffer dst) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void force(boolean metaData) {
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(ByteBuffer dst, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int write(ByteBuffer src, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }
    }
}
