package dev.iafbt.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStream;
import dev.iafbt.internal.bundle.BundleContainer;
import dev.iafbt.internal.bundle.MsgpackEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input gets a {@link BundleFormatException} naming the file and the problem:
 * no library stack trace, no hang, no out-of-memory from a lying length.
 */
@Timeout(10)
class BadInputTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] bundle(int version, byte[] msgpack) {
        byte[] frame = BundleContainer.compress(msgpack, 3);
        byte[] out = Arrays.copyOf(BundleContainer.header(version), 8 + frame.length);
        System.arraycopy(frame, 0, out, 8, frame.length);
        return out;
    }

    private static byte[] validDocument() {
        return MsgpackEncoder.encode(new DocMap().with("format_version", 2L).with("algorithm_id", "a"));
    }

    private void assertRejected(Path file, String... fragments) {
        assertThatThrownBy(() -> BundleReader.read(file))
                .isInstanceOf(BundleFormatException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContainingAll(fragments);
    }

    @Test
    void emptyFileIsNotABundle() throws IOException {
        assertRejected(write("empty.iafbt", new byte[0]), "not an .iafbt bundle", "empty");
    }

    @Test
    void threeByteFileIsNotABundle() throws IOException {
        assertRejected(write("short.iafbt", new byte[] {'I', 'A', 'F'}), "missing IAFB magic", "only 3 bytes");
    }

    @Test
    void wrongMagicIsNotABundle() throws IOException {
        assertRejected(write("text.iafbt", "hello world".getBytes()), "missing IAFB magic");
    }

    @Test
    void headerWithoutVersionIsTruncated() throws IOException {
        assertRejected(write("header.iafbt", new byte[] {'I', 'A', 'F', 'B', 2}), "truncated", "header");
    }

    @Test
    void versionZeroIsRefused() throws IOException {
        assertRejected(write("v0.iafbt", bundle(0, validDocument())), "version 0");
    }

    @Test
    void futureVersionIsRefused() throws IOException {
        assertRejected(write("v3.iafbt", bundle(3, validDocument())), "unsupported bundle format version 3");
        assertRejected(write("v101.iafbt", bundle(101, validDocument())), "version 101");
    }

    @Test
    void headerOnlyHasNoFrame() throws IOException {
        assertRejected(write("noframe.iafbt", BundleContainer.header(2)), "no zstd frame");
    }

    @Test
    void truncatedFrameIsReported() throws IOException {
        byte[] whole = bundle(2, validDocument());
        assertRejected(write("cut.iafbt", Arrays.copyOf(whole, whole.length - 3)), "truncated or corrupt");
    }

    @Test
    void aFileCutShortIsFirstCalledALikelyInterruptedCopy() throws IOException {
        // head -c 5000 of a big bundle: the header still declares the whole content, so the ratio
        // of declared to present bytes looks like a bomb; an interrupted copy is far likelier
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 12 * 1024 * 1024; i++) {
            text.append(i * 7919L % 1000003).append(',');
        }
        DocMap document = new DocMap().with("format_version", 2L).with("algorithm_id", "big").with("series", text.toString());
        byte[] whole = BundleWriter.encode(Bundle.of(2, document), WriteOptions.DEFAULT.withZstdLevel(1));
        Path cut = write("cut-5000.iafbt", Arrays.copyOf(whole, 5000));

        assertThatThrownBy(() -> BundleReader.read(cut)).isInstanceOf(BundleFormatException.class)
                .hasMessageStartingWith(cut + ": the file looks cut short (likely an interrupted copy or download;"
                        + " compare its size with the original and copy it again)")
                .hasMessageContaining("otherwise a damaged header or a decompression bomb");
    }

    @Test
    void garbageAfterHeaderIsNotAFrame() throws IOException {
        byte[] bytes = Arrays.copyOf(BundleContainer.header(2), 40);
        Arrays.fill(bytes, 8, 40, (byte) 0x5a);
        assertRejected(write("garbage.iafbt", bytes), "not a zstd frame");
    }

    @Test
    void corruptFrameBodyIsReported() throws IOException {
        byte[] doc = MsgpackEncoder.encode(new DocMap().with("x", "y".repeat(5000) + "z".repeat(5000)));
        byte[] bytes = bundle(2, doc);
        for (int i = 20; i < bytes.length - 4; i += 7) {
            bytes[i] ^= 0x5a;
        }
        assertThatThrownBy(() -> BundleReader.read(write("corrupt.iafbt", bytes)))
                .isInstanceOf(BundleFormatException.class).hasMessageContaining("corrupt.iafbt");
    }

    @Test
    void frameWithoutContentSizeIsRefused() throws IOException {
        // a streaming frame without a pledged size: the reference's reader cannot read it either
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var zstd = new ZstdOutputStream(out)) {
            zstd.write(validDocument());
        }
        byte[] bytes = Arrays.copyOf(BundleContainer.header(2), 8 + out.size());
        System.arraycopy(out.toByteArray(), 0, bytes, 8, out.size());
        assertRejected(write("nosize.iafbt", bytes), "does not record its content size");
    }

    @Test
    void truncatedMsgpackIsReported() throws IOException {
        byte[] doc = validDocument();
        assertRejected(write("halfdoc.iafbt", bundle(2, Arrays.copyOf(doc, doc.length - 2))), "truncated");
    }

    @Test
    void lyingStringLengthIsCaughtBeforeAllocating() throws IOException {
        // map of one entry whose value is a str32 claiming 2 GB
        byte[] doc = ByteBuffer.allocate(16).put((byte) 0x81).put((byte) 0xa1).put((byte) 'k')
                .put((byte) 0xdb).putInt(0x7fff_fff0).array();
        assertRejected(write("liar.iafbt", bundle(2, Arrays.copyOf(doc, 8))), "claims", "bytes, but only");
    }

    @Test
    void lyingArrayLengthIsCaughtBeforeAllocating() throws IOException {
        byte[] doc = ByteBuffer.allocate(8).put((byte) 0x81).put((byte) 0xa1).put((byte) 'k')
                .put((byte) 0xdd).putInt(0x7fff_ffff).array();
        assertRejected(write("liar-array.iafbt", bundle(2, doc)), "claims", "elements");
    }

    @Test
    void lyingBinLengthIsCaughtBeforeAllocating() throws IOException {
        byte[] doc = ByteBuffer.allocate(9).put((byte) 0x81).put((byte) 0xa1).put((byte) 'k')
                .put((byte) 0xc6).putInt(0x7fff_ffff).put((byte) 1).array();
        assertRejected(write("liar-bin.iafbt", bundle(2, doc)), "claims");
    }

    @Test
    void deepNestingIsRefusedWithoutStackOverflow() throws IOException {
        byte[] doc = new byte[100_001];
        Arrays.fill(doc, 0, 100_000, (byte) 0x91); // [[[[…]]]]
        doc[100_000] = (byte) 0xc0;
        byte[] wrapped = new byte[doc.length + 3];
        wrapped[0] = (byte) 0x81;
        wrapped[1] = (byte) 0xa1;
        wrapped[2] = 'k';
        System.arraycopy(doc, 0, wrapped, 3, doc.length);
        assertRejected(write("deep.iafbt", bundle(2, wrapped)), "nests deeper");
    }

    @Test
    void nonStringMapKeyIsRefused() throws IOException {
        assertRejected(write("intkey.iafbt", bundle(2, new byte[] {(byte) 0x81, 0x01, 0x02})), "map key", "strings");
    }

    @Test
    void documentThatIsNotAMapIsRefused() throws IOException {
        assertRejected(write("list.iafbt", bundle(2, new byte[] {(byte) 0x90})), "must be a map");
    }

    @Test
    void trailingBytesAfterTheDocumentAreRefused() throws IOException {
        byte[] doc = validDocument();
        byte[] extra = Arrays.copyOf(doc, doc.length + 1);
        extra[doc.length] = (byte) 0xc0;
        assertRejected(write("extra.iafbt", bundle(2, extra)), "after the document");
    }

    @Test
    void invalidUtf8IsRefused() throws IOException {
        byte[] doc = {(byte) 0x81, (byte) 0xa1, 'k', (byte) 0xa2, (byte) 0xc3, (byte) 0x28};
        assertRejected(write("utf8.iafbt", bundle(2, doc)), "not valid UTF-8");
    }

    @Test
    void decompressionBombIsRefusedByTheCeiling() throws IOException {
        byte[] zeros = new byte[8 * 1024 * 1024];
        byte[] doc = new byte[zeros.length + 8];
        doc[0] = (byte) 0x81;
        doc[1] = (byte) 0xa1;
        doc[2] = 'k';
        doc[3] = (byte) 0xc6;
        ByteBuffer.wrap(doc, 4, 4).putInt(zeros.length + 1);
        Path file = write("bomb.iafbt", bundle(2, doc));
        assertThat(Files.size(file)).isLessThan(4096);
        assertThatThrownBy(() -> BundleReader.read(file, ReadOptions.FULL.withMaxDecompressedBytes(1024 * 1024)))
                .isInstanceOf(BundleFormatException.class)
                .hasMessageContainingAll("bomb.iafbt", "claims", "more than the limit");
    }

    @Test
    void directoryIsNotABundleFile() {
        assertThatThrownBy(() -> BundleReader.read(dir)).isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.iafbt");
        assertRejected(missing, "no such bundle file");
    }
}
