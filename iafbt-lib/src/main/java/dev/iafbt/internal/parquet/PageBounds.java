package dev.iafbt.internal.parquet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;

/**
 * Walks the page headers of every column chunk before parquet-hadoop reads them: it allocates a
 * page's compressed size as claimed (reading past the chunk when the header says so, its
 * workaround for files of old writers) and its uncompressed size when decompressing, so a lying
 * header in a few bytes could ask for gigabytes. Found by the reader's fuzz target.
 */
final class PageBounds {
    /** Levels and page overhead on top of 8 bytes per value, per page. */
    private static final long PAGE_SLACK = 64 * 1024;

    private PageBounds() {
    }

    static void check(List<BlockMetaData> rowGroups, byte[] file, String source) {
        for (BlockMetaData group : rowGroups) {
            long maxUncompressed = maxUncompressed(group.getRowCount());
            for (ColumnChunkMetaData chunk : group.getColumns()) {
                checkChunk(chunk, file, maxUncompressed, source);
            }
        }
    }

    /** The most bytes a page of a row group of {@code rows} rows can honestly decompress to. */
    static long maxUncompressed(long rows) {
        return rows * 9 + PAGE_SLACK;
    }

    private static void checkChunk(ColumnChunkMetaData chunk, byte[] file, long maxUncompressed, String source) {
        String column = chunk.getPath().toString();
        long position = chunk.getStartingPos();
        long end = position + chunk.getTotalSize(); // both checked against the file length already
        while (position < end) {
            ByteArrayInputStream in = new ByteArrayInputStream(file, (int) position, (int) (end - position));
            int before = in.available();
            PageHeader header;
            try {
                header = Util.readPageHeader(in);
            } catch (IOException | RuntimeException e) {
                throw corrupt(source, column, "unreadable page header at byte " + position + " (" + e.getMessage() + ")");
            }
            long body = position + (before - in.available());
            checkPage(header, position, body, end, maxUncompressed, source, column);
            position = body + header.getCompressed_page_size();
        }
    }

    /** Refuses a page whose sizes reach past its chunk or beyond what its row group can hold. */
    static void checkPage(PageHeader header, long position, long body, long end, long maxUncompressed, String source,
            String column) {
        long compressed = header.getCompressed_page_size();
        long uncompressed = header.getUncompressed_page_size();
        if (compressed < 0 || body + compressed > end) {
            throw corrupt(source, column, "a page at byte " + position + " claims " + compressed
                    + " compressed bytes, past the end of its chunk at byte " + end);
        }
        if (uncompressed < 0 || uncompressed > maxUncompressed) {
            throw corrupt(source, column, "a page at byte " + position + " claims " + uncompressed
                    + " uncompressed bytes, more than its row group's rows can hold");
        }
    }

    static ParquetBlobException corrupt(String source, String column, String problem) {
        return new ParquetBlobException(source + ": corrupt Parquet file (column " + column + ": " + problem + ")");
    }
}
