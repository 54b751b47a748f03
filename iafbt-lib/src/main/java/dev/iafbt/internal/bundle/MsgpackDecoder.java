package dev.iafbt.internal.bundle;

import dev.iafbt.bundle.BundleFormatException;
import dev.iafbt.bundle.DocList;
import dev.iafbt.bundle.DocMap;
import dev.iafbt.bundle.MsgpackExt;
import dev.iafbt.bundle.RawMsgpack;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Decodes one msgpack document into the {@link DocMap} tree, with every bound a hostile file could
 * abuse checked before it is trusted: a length header larger than the bytes left, nesting deeper
 * than {@link #MAX_DEPTH}, a map key that is not a string (the reference's reader rejects those
 * too), trailing bytes after the top-level value.
 *
 * <p>A {@link SkipPolicy} can leave chosen subtrees undecoded as {@link RawMsgpack}; that is what
 * makes a summary-only open cheap while the bytes stay available for an exact re-encode.
 */
public final class MsgpackDecoder {
    /** The subtrees a summary-only open leaves undecoded: everything heavy, nothing a listing shows. */
    public static final Set<String> HEAVY_KEYS = Set.of("vector_runs", "event_runs", "backtest_runs",
            "backtest_permutation_tests", "blobs");

    /** Deeper documents are refused instead of risking a stack overflow. */
    public static final int MAX_DEPTH = 512;

    /** Decides which map entries stay undecoded. {@code depth} is 1 for top-level keys. */
    @FunctionalInterface
    public interface SkipPolicy {
        SkipPolicy NONE = (depth, parentKey, key) -> false;

        boolean skip(int depth, String parentKey, String key);
    }

    private final byte[] buffer;
    private final int start;
    private final int end;
    private final String source;
    private final SkipPolicy skipPolicy;
    private final MessageUnpacker unpacker;

    private MsgpackDecoder(byte[] buffer, int offset, int length, String source, SkipPolicy policy) {
        this.buffer = buffer;
        this.start = offset;
        this.end = offset + length;
        this.source = source;
        this.skipPolicy = policy;
        this.unpacker = MessagePack.newDefaultUnpacker(buffer, offset, length);
    }

    /** Decodes a whole document, which must be exactly one value. */
    public static Object decode(byte[] buffer, String source, SkipPolicy policy) {
        return decode(buffer, 0, buffer.length, source, policy);
    }

    public static Object decode(byte[] buffer, int offset, int length, String source,
                                SkipPolicy policy) {
        MsgpackDecoder decoder = new MsgpackDecoder(buffer, offset, length, source, policy);
        try (MessageUnpacker ignored = decoder.unpacker) {
            Object value = decoder.readValue(0, null);
            if (decoder.position() != decoder.end) {
                throw decoder.error("unexpected data after the document at byte " + decoder.position()
                        + " (" + (decoder.end - decoder.position()) + " bytes left over)");
            }
            return value;
        } catch (IOException | MessagePackException e) {
            throw decoder.error("the msgpack document is truncated or corrupt near byte "
                    + decoder.position() + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + ")", e);
        }
    }

    /**
     * Decodes the leading entries of a top-level map up to and including the entry for which
     * {@code stopAfter} answers true, from a buffer that may hold only a prefix of the document.
     * The value of the stopping key is read as a {@link RawMsgpack} header only: kind and element
     * count, no bytes (its {@code length} is 0). Returns null when {@code refuse} matches a key
     * before that point, i.e. the document is not laid out for a head read. A value cut off by the
     * end of the prefix throws, like any truncation; the caller then supplies a longer prefix.
     */
    public static DocMap decodeHead(byte[] buffer, int length, String source,
                                    Predicate<String> stopAfter,
                                    Predicate<String> refuse) {
        MsgpackDecoder decoder = new MsgpackDecoder(buffer, 0, length, source, SkipPolicy.NONE);
        try (MessageUnpacker ignored = decoder.unpacker) {
            return decoder.readHead(stopAfter, refuse);
        } catch (IOException | MessagePackException e) {
            throw decoder.error("the msgpack document is truncated or corrupt near byte "
                    + decoder.position() + " (" + e + ")", e);
        }
    }

    private DocMap readHead(Predicate<String> stopAfter,
                            Predicate<String> refuse) throws IOException {
        MessageFormat format = unpacker.getNextFormat();
        if (format.getValueType() != ValueType.MAP) {
            throw error("the bundle document is " + format.getValueType().name().toLowerCase(Locale.ROOT)
                    + ", but must be a map");
        }
        int size = unpacker.unpackMapHeader();
        DocMap head = new DocMap(size);
        for (int i = 0; i < size; i++) {
            if (unpacker.getNextFormat().getValueType() != ValueType.STRING) {
                throw error("a map key at byte " + position() + " is not a string");
            }
            String key = readString(unpacker.unpackRawStringHeader());
            if (refuse.test(key)) {
                return null;
            }
            if (stopAfter.test(key)) {
                head.put(key, readRaw(true));
                return head;
            }
            head.put(key, HEAVY_KEYS.contains(key) ? readRaw(false) : readValue(1, key));
        }
        return head;
    }

    /** Receives one map element of an array: its index in the array and the values of the chosen keys. */
    @FunctionalInterface
    public interface FieldSink {
        /** {@code values[k]} is the value of {@code keys[k]}; null when nil or missing. Reused between calls. */
        void element(int index, Object[] values);
    }

    /**
     * Decodes, from a skipped array of maps, only the values of {@code keys} (ASCII), element by
     * element, without building the maps: the metrics need three of a portfolio snapshot's dozen
     * entries, and a real run holds tens of thousands of snapshots, so decoding whole maps (one
     * hash map and a dozen strings each) was most of a metrics recomputation's time. The chosen
     * values decode exactly as {@link #decode(RawMsgpack, String)} decodes them; the other values
     * are skipped unread. Elements that are not maps are passed over (their index still counts),
     * as the typed views drop them; a later key repeated in a map wins, as in a decoded map.
     *
     * @throws BundleFormatException when {@code raw} is not an array or is corrupt
     */
    public static void decodeFields(RawMsgpack raw, String source, String[] keys, FieldSink sink) {
        new MsgpackFieldScanner(raw.buffer(), raw.offset(), raw.length(), source).scan(keys, sink);
    }

    /** Receives one map element of an array, decoded in full, with its index in the array. */
    @FunctionalInterface
    public interface MapSink {
        void element(int index, DocMap map);
    }

    /**
     * Decodes, from a skipped array, only its first {@code limit} map elements (in full, exactly as
     * {@link #decode(RawMsgpack, String)} decodes them), skipping the others unread, and counts its
     * map elements: a report's table shows the first hundred of a run's thousands of orders and
     * says how many there are. Elements that are not maps are passed over (their index still
     * counts), as the typed views drop them. The subtree itself stays undecoded.
     *
     * @return how many elements of the array are maps
     * @throws BundleFormatException when {@code raw} is not an array or is corrupt
     */
    public static int decodeMaps(RawMsgpack raw, String source, int limit, MapSink sink) {
        return new MsgpackFieldScanner(raw.buffer(), raw.offset(), raw.length(), source).maps(limit, sink);
    }

    /** Decodes a skipped subtree in full. */
    public static Object decode(RawMsgpack raw, String source) {
        return decode(raw.buffer(), raw.offset(), raw.length(), source, SkipPolicy.NONE);
    }

    private int position() {
        return start + (int) unpacker.getTotalReadBytes();
    }

    private int remaining() {
        return end - position();
    }

    private Object readValue(int depth, String parentKey) throws IOException {
        if (!unpacker.hasNext()) {
            throw error("the msgpack document is truncated: it ends early at byte " + position());
        }
        MessageFormat format = unpacker.getNextFormat();
        ValueType type = format.getValueType();
        switch (type) {
            case NIL:
                unpacker.unpackNil();
                return null;
            case BOOLEAN:
                return unpacker.unpackBoolean();
            case INTEGER:
                if (format == MessageFormat.UINT64) {
                    BigInteger big = unpacker.unpackBigInteger();
                    return big.bitLength() < 64 ? (Object) big.longValue() : big;
                }
                return unpacker.unpackLong();
            case FLOAT:
                return format == MessageFormat.FLOAT32 ? (Object) unpacker.unpackFloat()
                        : (Object) unpacker.unpackDouble();
            case STRING:
                return readString(unpacker.unpackRawStringHeader());
            case BINARY:
                return readBytes(unpacker.unpackBinaryHeader());
            case ARRAY:
                return readArray(depth, parentKey);
            case MAP:
                return readMap(depth, parentKey);
            case EXTENSION: {
                var header = unpacker.unpackExtensionTypeHeader();
                return new MsgpackExt(header.getType(), readBytes(header.getLength()));
            }
            default:
                throw error("unknown msgpack format byte at " + position());
        }
    }

    private DocList readArray(int depth, String parentKey) throws IOException {
        int size = unpacker.unpackArrayHeader();
        checkCount(size, depth);
        DocList list = new DocList(size);
        for (int i = 0; i < size; i++) {
            list.add(readValue(depth + 1, parentKey));
        }
        return list;
    }

    private DocMap readMap(int depth, String parentKey) throws IOException {
        int size = unpacker.unpackMapHeader();
        checkCount(size, depth);
        DocMap map = new DocMap(size);
        for (int i = 0; i < size; i++) {
            MessageFormat keyFormat = unpacker.getNextFormat();
            if (keyFormat.getValueType() != ValueType.STRING) {
                throw error("a map key at byte " + position() + " is " + keyFormat.getValueType()
                        .name().toLowerCase(Locale.ROOT)
                        + ", but bundle map keys must be strings");
            }
            String key = readString(unpacker.unpackRawStringHeader());
            Object value = skipPolicy.skip(depth + 1, parentKey, key) ? readRaw(false)
                    : readValue(depth + 1, key);
            map.put(key, value);
        }
        return map;
    }

    /**
     * The next value as a {@link RawMsgpack}: its kind, its element count for an array or map, and
     * its bytes, skipped without decoding. With {@code headerOnly} only the header is read and the
     * raw value has length 0: a head read stops there, and the elements may lie beyond the prefix.
     */
    private RawMsgpack readRaw(boolean headerOnly) throws IOException {
        int from = position();
        RawMsgpack.Kind kind;
        int count = -1;
        switch (unpacker.getNextFormat().getValueType()) {
            case NIL -> kind = RawMsgpack.Kind.NIL;
            case ARRAY -> {
                kind = RawMsgpack.Kind.ARRAY;
                count = unpacker.unpackArrayHeader();
            }
            case MAP -> {
                kind = RawMsgpack.Kind.MAP;
                count = unpacker.unpackMapHeader();
            }
            default -> kind = RawMsgpack.Kind.OTHER;
        }
        if (headerOnly) {
            return new RawMsgpack(buffer, from, 0, count, kind);
        }
        if (count >= 0) {
            checkCount(count, 0);
        }
        int to = MsgpackFieldScanner.valueEnd(buffer, from, end, source);
        unpacker.readPayloadAsReference(to - position()); // a slice of the array: nothing is copied
        return new RawMsgpack(buffer, from, to - from, count, kind);
    }

    private void checkCount(int size, int depth) {
        if (depth >= MAX_DEPTH) {
            throw error("the document nests deeper than " + MAX_DEPTH + " levels at byte " + position());
        }
        // every element takes at least one byte (two for a map entry), so a larger count is a lie
        if (size < 0 || size > remaining()) {
            throw error("a length header at byte " + position() + " claims " + Integer.toUnsignedString(size)
                    + " elements, but only " + remaining() + " bytes are left");
        }
    }

    private byte[] readBytes(int length) throws IOException {
        checkLength(length);
        byte[] bytes = new byte[length];
        unpacker.readPayload(bytes);
        return bytes;
    }

    private String readString(int length) throws IOException {
        checkLength(length);
        int from = position();
        unpacker.readPayloadAsReference(length);
        return string(buffer, from, length, source);
    }

    /**
     * The UTF-8 string at {@code buffer[from, from + length)}; the reference decodes str with
     * raw=False, so invalid UTF-8 is an unreadable file there too.
     */
    static String string(byte[] buffer, int from, int length, String source) {
        for (int i = from; i < from + length; i++) {
            if (buffer[i] < 0) {
                try {
                    return StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(buffer, from, length)).toString();
                } catch (CharacterCodingException e) {
                    throw new BundleFormatException(source + ": a string at byte " + from + " is not valid UTF-8");
                }
            }
        }
        return new String(buffer, from, length, StandardCharsets.ISO_8859_1);
    }

    private void checkLength(int length) {
        if (length < 0 || length > remaining()) {
            throw error("a length header at byte " + position() + " claims "
                    + Integer.toUnsignedString(length) + " bytes, but only " + remaining() + " are left");
        }
    }

    private BundleFormatException error(String message) {
        return new BundleFormatException(source + ": " + message);
    }

    private BundleFormatException error(String message, Throwable cause) {
        return new BundleFormatException(source + ": " + message, cause);
    }
}
