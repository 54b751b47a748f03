package dev.iafbt.internal.parquet;

import java.io.ByteArrayOutputStream;
import java.util.Objects;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet {@link OutputFile} that collects the file in a growable in-memory buffer, so a blob
 * can be encoded without touching the file system. One instance holds one file: create it, let
 * a writer fill and close it, then take {@link #toByteArray()}.
 */
public final class ByteArrayOutputFile implements OutputFile {
    private final String name;
    private final ByteArrayOutputStream buffer;

    /**
     * @param name         what {@link #getPath()} answers; parquet-java uses it in messages
     * @param initialBytes a size hint; the buffer grows as needed
     */
    public ByteArrayOutputFile(String name, int initialBytes) {
        this.name = Objects.requireNonNull(name, "name");
        this.buffer = new ByteArrayOutputStream(Math.max(64, initialBytes));
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
        return createOrOverwrite(blockSizeHint);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
        buffer.reset();
        return new PositionOutputStream() {
            @Override
            public long getPos() {
                return buffer.size();
            }

            @Override
            public void write(int b) {
                buffer.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                buffer.write(bytes, offset, length);
            }
        };
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return name;
    }

    /** The bytes written so far (a copy). */
    public byte[] toByteArray() {
        return buffer.toByteArray();
    }
}
