package dev.iafbt.internal.bundle;

import dev.iafbt.bundle.MsgpackExt;
import dev.iafbt.bundle.RawMsgpack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * Encodes the document tree exactly as the reference's {@code msgpack.packb(use_bin_type=True)}
 * does: smallest int encoding, float64 for {@link Double} (float32 only for a
 * {@link Float} that was read as one), str for text, bin for {@code byte[]}, map keys in the
 * tree's order, no timestamp extension. {@link RawMsgpack} subtrees are copied as they were.
 *
 * <p>Other Java values a caller may put into a tree are converted the way the reference's
 * {@code default} hook converts their Python counterparts: other numbers, enums, UUIDs and
 * temporals become the values or ISO strings the reference would write.
 */
public final class MsgpackEncoder {
    private final MessageBufferPacker packer;

    private MsgpackEncoder(int expectedSize) {
        this.packer = MessagePack.DEFAULT_PACKER_CONFIG.withBufferSize(Math.max(8192, expectedSize))
                .newBufferPacker();
    }

    public static byte[] encode(Object document) {
        return encode(document, 64 * 1024);
    }

    public static byte[] encode(Object document, int expectedSize) {
        MsgpackEncoder encoder = new MsgpackEncoder(expectedSize);
        try (MessageBufferPacker packer = encoder.packer) {
            encoder.write(document);
            return packer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory packer does not fail on I/O
        }
    }

    private void write(Object value) throws IOException {
        if (value == null) {
            packer.packNil();
        } else if (value instanceof String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            packer.packRawStringHeader(utf8.length);
            packer.writePayload(utf8);
        } else if (value instanceof Long l) {
            packer.packLong(l);
        } else if (value instanceof Double d) {
            packer.packDouble(d);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(map);
        } else if (value instanceof List<?> list) {
            packer.packArrayHeader(list.size());
            for (Object element : list) {
                write(element);
            }
        } else if (value instanceof Boolean b) {
            packer.packBoolean(b);
        } else if (value instanceof byte[] bytes) {
            packer.packBinaryHeader(bytes.length);
            packer.writePayload(bytes);
        } else if (value instanceof RawMsgpack raw) {
            packer.writePayload(raw.buffer(), raw.offset(), raw.length());
        } else if (value instanceof Float f) {
            packer.packFloat(f);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            packer.packLong(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            packer.packBigInteger(big);
        } else if (value instanceof MsgpackExt ext) {
            packer.packExtensionTypeHeader(ext.type(), ext.data().length);
            packer.writePayload(ext.data());
        } else {
            write(DefaultHook.convert(value));
        }
    }

    private void writeMap(Map<?, ?> map) throws IOException {
        packer.packMapHeader(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String)) {
                // the reference's reader rejects non-string keys (strict_map_key), so never write one
                throw new IllegalArgumentException("map key " + entry.getKey() + " is not a string");
            }
            write(entry.getKey());
            write(entry.getValue());
        }
    }
}
