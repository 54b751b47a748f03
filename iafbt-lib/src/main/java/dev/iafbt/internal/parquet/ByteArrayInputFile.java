package dev.iafbt.internal.parquet;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet {@link InputFile} over bytes already in memory, such as a blob carried inside a
 * bundle. Parquet ships only file-system implementations, and a blob has no
 * file. The array is not copied: the caller must not change it while a reader is open.
 */
public final class ByteArrayInputFile implements InputFile {
    private final byte[] bytes;
    private final String name;

    /**
     * @param bytes the whole Parquet file
     * @param name  what {@link #toString()} answers; parquet-java puts it into its own messages
     */
    public ByteArrayInputFile(byte[] bytes, String name) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public long getLength() {
        return bytes.length;
    }

    @Override
    public SeekableInputStream newStream() {
        return new ByteArraySeekableStream(bytes);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Reads by array copies; every read past the end fails rather than returning garbage. */
    private static final class ByteArraySeekableStream extends SeekableInputStream {
        private final byte[] bytes;
        private int position;

        ByteArraySeekableStream(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void seek(long newPos) throws EOFException {
            if (newPos < 0 || newPos > bytes.length) {
                throw new EOFException("seek to " + newPos + " outside of " + bytes.length + " bytes");
            }
            position = (int) newPos;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, target.length);
            if (length == 0) {
                return 0;
            }
            int available = bytes.length - position;
            if (available <= 0) {
                return -1;
            }
            int count = Math.min(length, available);
            System.arraycopy(bytes, position, target, offset, count);
            position += count;
            return count;
        }

        @Override
        public long skip(long n) {
            long count = Math.max(0, Math.min(n, bytes.length - position));
            position += (int) count;
            return count;
        }

        @Override
        public int available() {
            return bytes.length - position;
        }

        @Override
        public void readFully(byte[] target) throws EOFException {
            readFully(target, 0, target.length);
        }

        @Override
        public void readFully(byte[] target, int offset, int length) throws EOFException {
            Objects.checkFromIndexSize(offset, length, target.length);
            requireAvailable(length);
            System.arraycopy(bytes, position, target, offset, length);
            position += length;
        }

        @Override
        public int read(ByteBuffer target) {
            if (!target.hasRemaining()) {
                return 0;
            }
            int available = bytes.length - position;
            if (available <= 0) {
                return -1;
            }
            int count = Math.min(target.remaining(), available);
            target.put(bytes, position, count);
            position += count;
            return count;
        }

        @Override
        public void readFully(ByteBuffer target) throws EOFException {
            int length = target.remaining();
            requireAvailable(length);
            target.put(bytes, position, length);
            position += length;
        }

        private void requireAvailable(int length) throws EOFException {
            if (length > bytes.length - position) {
                throw new EOFException("read of " + length + " bytes at offset " + position
                        + " runs past the end of " + bytes.length + " bytes");
            }
        }
    }
}
