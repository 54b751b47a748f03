package dev.iafbt.internal.parquet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * One row group's pages of the requested columns, cut from the file's bytes and decompressed,
 * for parquet-column's column readers: what parquet-hadoop's {@code ParquetFileReader} hands them,
 * without its footer conversion. Every page header is checked before its sizes are trusted (the
 * checks of {@link PageBounds}).
 */
final class ChunkPages implements PageReadStore {
    private final long rowCount;
    private final Map<List<String>, PageReader> readers = new HashMap<>();

    private ChunkPages(long rowCount) {
        this.rowCount = rowCount;
    }

    static ChunkPages of(RowGroup group, byte[] file, List<ColumnDescriptor> columns, HadoopFreeCodecFactory codecs,
            String source) throws IOException {
        ChunkPages pages = new ChunkPages(group.getNum_rows());
        long maxUncompressed = PageBounds.maxUncompressed(group.getNum_rows());
        for (ColumnDescriptor column : columns) {
            List<String> path = Arrays.asList(column.getPath());
            ColumnMetaData chunk = group.getColumns().stream().map(ColumnChunk::getMeta_data)
                    .filter(m -> m != null && path.equals(m.getPath_in_schema())).findFirst()
                    .orElseThrow(() -> new ParquetBlobException(source + ": corrupt Parquet file (no column chunk for "
                            + String.join(".", path) + " in a row group)"));
            pages.readers.put(path, read(chunk, file, column, maxUncompressed,
                    codecs.getDecompressor(CompressionCodecName.fromParquet(chunk.getCodec())), source));
        }
        return pages;
    }

    /** Where a chunk starts, as parquet-java's {@code ColumnChunkMetaData.getStartingPos} says. */
    static long start(ColumnMetaData chunk) {
        long dictionary = chunk.isSetDictionary_page_offset() ? chunk.getDictionary_page_offset() : 0;
        return dictionary > 0 && dictionary < chunk.getData_page_offset() ? dictionary : chunk.getData_page_offset();
    }

    private static PageReader read(ColumnMetaData chunk, byte[] file, ColumnDescriptor column, long maxUncompressed,
            BytesInputDecompressor decompressor, String source) throws IOException {
        String name = String.join(".", chunk.getPath_in_schema());
        long position = start(chunk);
        long end = position + chunk.getTotal_compressed_size(); // both checked against the file length already
        ArrayDeque<DataPage> data = new ArrayDeque<>();
        DictionaryPage dictionary = null;
        long values = 0;
        while (values < chunk.getNum_values() && position < end) {
            ByteArrayInputStream in = new ByteArrayInputStream(file, (int) position, (int) (end - position));
            PageHeader header;
            try {
                header = Util.readPageHeader(in);
            } catch (IOException | RuntimeException e) {
                throw PageBounds.corrupt(source, name, "unreadable page header at byte " + position + " (" + e.getMessage() + ")");
            }
            int body = (int) (end - in.available());
            PageBounds.checkPage(header, position, body, end, maxUncompressed, source, name);
            int compressed = header.getCompressed_page_size();
            int uncompressed = header.getUncompressed_page_size();
            switch (header.getType()) {
                case DICTIONARY_PAGE: {
                    if (dictionary != null) {
                        throw PageBounds.corrupt(source, name, "a second dictionary page at byte " + position);
                    }
                    DictionaryPageHeader h = header.getDictionary_page_header();
                    dictionary = new DictionaryPage(decompressor.decompress(BytesInput.from(file, body, compressed),
                            uncompressed), uncompressed, h.getNum_values(), encoding(h.getEncoding()));
                    break;
                }
                case DATA_PAGE: {
                    DataPageHeader h = header.getData_page_header();
                    data.add(new DataPageV1(decompressor.decompress(BytesInput.from(file, body, compressed), uncompressed),
                            h.getNum_values(), uncompressed, Statistics.createStats(column.getPrimitiveType()),
                            encoding(h.getRepetition_level_encoding()), encoding(h.getDefinition_level_encoding()),
                            encoding(h.getEncoding())));
                    values += h.getNum_values();
                    break;
                }
                case DATA_PAGE_V2: {
                    DataPageHeaderV2 h = header.getData_page_header_v2();
                    int levels = h.getRepetition_levels_byte_length() + h.getDefinition_levels_byte_length();
                    if (h.getRepetition_levels_byte_length() < 0 || h.getDefinition_levels_byte_length() < 0
                            || levels > compressed || levels > uncompressed) {
                        throw PageBounds.corrupt(source, name, "a page at byte " + position + " claims levels longer than itself");
                    }
                    int dataAt = body + levels;
                    BytesInput stored = BytesInput.from(file, dataAt, compressed - levels);
                    BytesInput plain = !h.isSetIs_compressed() || h.isIs_compressed()
                            ? decompressor.decompress(stored, uncompressed - levels) : stored;
                    data.add(new DataPageV2(h.getNum_rows(), h.getNum_nulls(), h.getNum_values(),
                            BytesInput.from(file, body, h.getRepetition_levels_byte_length()),
                            BytesInput.from(file, body + h.getRepetition_levels_byte_length(),
                                    h.getDefinition_levels_byte_length()),
                            encoding(h.getEncoding()), plain, uncompressed, Statistics.createStats(column.getPrimitiveType()),
                            false));
                    values += h.getNum_values();
                    break;
                }
                default:
                    break; // index pages and the like: not needed to read values
            }
            position = body + (long) compressed;
        }
        if (values != chunk.getNum_values()) {
            throw PageBounds.corrupt(source, name, "its pages hold " + values + " values, its metadata says "
                    + chunk.getNum_values());
        }
        return new Pages(data, dictionary, values);
    }

    private static Encoding encoding(org.apache.parquet.format.Encoding encoding) {
        return Encoding.valueOf(encoding.name());
    }

    @Override
    public PageReader getPageReader(ColumnDescriptor descriptor) {
        PageReader reader = readers.get(Arrays.asList(descriptor.getPath()));
        if (reader == null) {
            throw new IllegalArgumentException("column " + Arrays.toString(descriptor.getPath()) + " was not read");
        }
        return reader;
    }

    @Override
    public long getRowCount() {
        return rowCount;
    }

    private static final class Pages implements PageReader {
        private final ArrayDeque<DataPage> data;
        private final DictionaryPage dictionary;
        private final long values;

        Pages(ArrayDeque<DataPage> data, DictionaryPage dictionary, long values) {
            this.data = data;
            this.dictionary = dictionary;
            this.values = values;
        }

        @Override
        public DictionaryPage readDictionaryPage() {
            return dictionary;
        }

        @Override
        public long getTotalValueCount() {
            return values;
        }

        @Override
        public DataPage readPage() {
            return data.poll();
        }
    }
}
