package dev.iafbt.internal.bundle;

import dev.iafbt.bundle.BundleFormatException;
import dev.iafbt.bundle.DocMap;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@link MsgpackDecoder#decodeFields}: walks an array of maps over the bytes themselves, decoding
 * only the values of the wanted keys. msgpack-core's unpacker costs an object per key read as a
 * reference and a buffer check per skipped value; over tens of thousands of snapshots of a dozen
 * entries each, that walk was most of a metrics recomputation. Scalars decode here exactly as
 * {@link MsgpackDecoder} decodes them (a long for every integer that fits, a BigInteger above, a
 * Float or Double, a strictly decoded UTF-8 string); any other wanted value is handed to
 * {@link MsgpackDecoder} over its own bytes. Every length is checked against the bytes left.
 */
final class MsgpackFieldScanner {
    private final byte[] buffer;
    private final int end;
    private final String source;
    private int position;

    MsgpackFieldScanner(byte[] buffer, int offset, int length, String source) {
        this.buffer = buffer;
        this.position = offset;
        this.end = offset + length;
        this.source = source;
    }

    void scan(String[] keys, MsgpackDecoder.FieldSink sink) {
        byte[][] wanted = new byte[keys.length][];
        for (int k = 0; k < keys.length; k++) {
            wanted[k] = keys[k].getBytes(StandardCharsets.US_ASCII);
        }
        int type = peek();
        long size = containerSize(type, 0x90, 0xdc);
        if (size < 0) {
            throw error("expected an array at byte " + position);
        }
        Object[] values = new Object[keys.length];
        for (long i = 0; i < size; i++) {
            long entries = containerSize(peek(), 0x80, 0xde);
            if (entries < 0) {
                skip();
                continue;
            }
            Arrays.fill(values, null);
            for (long e = 0; e < entries; e++) {
                int k = key(wanted);
                if (k >= 0) {
                    values[k] = value();
                } else {
                    skip();
                }
            }
            sink.element((int) i, values);
        }
        if (position != end) {
            throw error("unexpected data after the array at byte " + position);
        }
    }

    /**
     * {@link MsgpackDecoder#decodeMaps}: hands the first {@code limit} map elements of the array,
     * each decoded in full by {@link MsgpackDecoder} over its own bytes, to {@code sink}, and skips
     * the rest unread; returns how many map elements the array holds.
     */
    int maps(int limit, MsgpackDecoder.MapSink sink) {
        long size = containerSize(peek(), 0x90, 0xdc);
        if (size < 0) {
            throw error("expected an array at byte " + position);
        }
        int maps = 0;
        for (long i = 0; i < size; i++) {
            int from = position;
            boolean map = containerSize(peek(), 0x80, 0xde) >= 0;
            position = from; // the map's header is part of its bytes
            skip();
            if (map && maps++ < limit) {
                Object element = MsgpackDecoder.decode(buffer, from, position - from, source, MsgpackDecoder.SkipPolicy.NONE);
                sink.element((int) i, (DocMap) element);
            }
        }
        if (position != end) {
            throw error("unexpected data after the array at byte " + position);
        }
        return maps;
    }

    /**
     * The position just after the one value that starts at {@code from}, found by walking its
     * headers without decoding it: how {@link MsgpackDecoder} finds the extent of a subtree it
     * leaves undecoded (msgpack-core's {@code skipValue} checks its buffer per value and was most
     * of a tear-sheet open, which skips tens of thousands of snapshots).
     */
    static int valueEnd(byte[] buffer, int from, int end, String source) {
        MsgpackFieldScanner scanner = new MsgpackFieldScanner(buffer, from, end - from, source);
        scanner.skip();
        return scanner.position;
    }

    private int peek() {
        need(1);
        return buffer[position] & 0xFF;
    }

    /**
     * The element count of the array (or map) whose header is at the position, consuming the
     * header; -1, consuming nothing, when the value there is not one. {@code fix} is the first
     * fix-size format byte (0x90 arrays, 0x80 maps), {@code wide16} the 16-bit format byte.
     */
    private long containerSize(int type, int fix, int wide16) {
        long size;
        if (type >= fix && type <= fix + 0x0F) {
            position++;
            size = type & 0x0F;
        } else if (type == wide16) {
            size = unsigned(1, 2);
        } else if (type == wide16 + 1) {
            size = unsigned(1, 4);
        } else {
            return -1;
        }
        checkCount(size);
        return size;
    }

    /** Every element takes a byte: a larger count than the bytes left is a lie. */
    private void checkCount(long size) {
        if (size > end - position) {
            throw error("a length header at byte " + position + " claims " + size + " elements, but only "
                    + (end - position) + " bytes are left");
        }
    }

    /** Consumes a map key; the index of the wanted key it equals, else -1. */
    private int key(byte[][] wanted) {
        int type = peek();
        int length;
        if (type >= 0xa0 && type <= 0xbf) {
            position++;
            length = type & 0x1F;
        } else if (type >= 0xd9 && type <= 0xdb) {
            length = (int) checkedLength(unsigned(1, 1 << (type - 0xd9)));
        } else {
            throw error("a map key at byte " + position + " is not a string, but bundle map keys must be strings");
        }
        need(length);
        int from = position;
        position += length;
        for (int k = 0; k < wanted.length; k++) {
            byte[] key = wanted[k];
            // length and first byte first: most keys of a record are not wanted
            if (key.length == length && (length == 0 || buffer[from] == key[0])
                    && Arrays.equals(buffer, from, from + length, key, 0, length)) {
                return k;
            }
        }
        return -1;
    }

    /** A wanted value, decoded as {@link MsgpackDecoder} decodes it. */
    private Object value() {
        int from = position;
        int type = peek();
        if (type <= 0x7f) {
            position++;
            return (long) type;
        }
        if (type >= 0xe0) {
            position++;
            return (long) (byte) type;
        }
        if (type >= 0xa0 && type <= 0xbf) {
            position++;
            return string(type & 0x1F);
        }
        switch (type) {
            case 0xc0:
                position++;
                return null;
            case 0xc2:
            case 0xc3:
                position++;
                return type == 0xc3;
            case 0xca:
                return Float.intBitsToFloat((int) unsigned(1, 4));
            case 0xcb:
                return Double.longBitsToDouble(unsigned(1, 8));
            case 0xcc:
            case 0xcd:
            case 0xce:
                return unsigned(1, 1 << (type - 0xcc));
            case 0xcf: {
                long raw = unsigned(1, 8);
                return raw >= 0 ? (Object) raw : new BigInteger(Long.toUnsignedString(raw));
            }
            case 0xd0:
                return (long) (byte) unsigned(1, 1);
            case 0xd1:
                return (long) (short) unsigned(1, 2);
            case 0xd2:
                return (long) (int) unsigned(1, 4);
            case 0xd3:
                return unsigned(1, 8);
            case 0xd9:
            case 0xda:
            case 0xdb:
                return string((int) checkedLength(unsigned(1, 1 << (type - 0xd9))));
            default:
                skip();
                return MsgpackDecoder.decode(buffer, from, position - from, source, MsgpackDecoder.SkipPolicy.NONE);
        }
    }

    private String string(int length) {
        need(length);
        String text = MsgpackDecoder.string(buffer, position, length, source);
        position += length;
        return text;
    }

    /** Skips one whole value, nested ones included, without recursion. */
    private void skip() {
        // the position in a local, and the formats of nearly every value of a bundle first, in one
        // test each (positive and negative fixint, fixstr, float 64, fixmap, fixarray): this loop
        // walks every byte of the snapshots a tear sheet leaves undecoded
        final byte[] buf = buffer;
        final int limit = end;
        int pos = position;
        long pending = 1;
        while (pending > 0) {
            pending--;
            if (pos >= limit) { // also catches a fixstr or float that ran past the end
                throw error("the msgpack document is truncated: it ends early at byte " + end);
            }
            int type = buf[pos] & 0xFF;
            if (type <= 0x7f || type >= 0xe0) {
                pos++;
            } else if (type >= 0xa0 && type <= 0xbf) {
                pos += 1 + (type & 0x1F);
            } else if (type == 0xcb) {
                pos += 9;
            } else if (type >= 0x80 && type <= 0x9f) {
                position = ++pos;
                int count = type & 0x0F;
                checkCount(count);
                pending += type >= 0x90 ? count : 2 * count;
            } else {
                position = pos;
                long array = containerSize(type, 0x90, 0xdc);
                long map = array >= 0 ? -1 : containerSize(type, 0x80, 0xde);
                if (array >= 0) {
                    pending += array;
                } else if (map >= 0) {
                    pending += 2 * map;
                } else {
                    skipScalar(type);
                }
                pos = position;
            }
        }
        if (pos > limit) {
            throw error("the msgpack document is truncated: it ends early at byte " + end);
        }
        position = pos;
    }

    private void skipScalar(int type) {
        long payload;
        int header = 1;
        if (type <= 0x7f || type >= 0xe0 || type == 0xc0 || type == 0xc2 || type == 0xc3) {
            payload = 0;
        } else if (type >= 0xa0 && type <= 0xbf) {
            payload = type & 0x1F;
        } else {
            switch (type) {
                case 0xcc, 0xd0 -> payload = 1;
                case 0xcd, 0xd1 -> payload = 2;
                case 0xca, 0xce, 0xd2 -> payload = 4;
                case 0xcb, 0xcf, 0xd3 -> payload = 8;
                case 0xd4, 0xd5, 0xd6, 0xd7, 0xd8 -> payload = 1 + (1L << (type - 0xd4)); // fixext: type + data
                case 0xc4, 0xd9 -> {
                    payload = unsignedAt(1, 1);
                    header = 2;
                }
                case 0xc5, 0xda -> {
                    payload = unsignedAt(1, 2);
                    header = 3;
                }
                case 0xc6, 0xdb -> {
                    payload = unsignedAt(1, 4);
                    header = 5;
                }
                case 0xc7 -> {
                    payload = unsignedAt(1, 1) + 1;
                    header = 2;
                }
                case 0xc8 -> {
                    payload = unsignedAt(1, 2) + 1;
                    header = 3;
                }
                case 0xc9 -> {
                    payload = unsignedAt(1, 4) + 1;
                    header = 5;
                }
                default -> throw error("unknown msgpack format byte 0x" + Integer.toHexString(type) + " at " + position);
            }
        }
        need(header + payload);
        position += header + (int) payload;
    }

    /** The big-endian unsigned value of {@code bytes} bytes after {@code skip} bytes, consumed. */
    private long unsigned(int skip, int bytes) {
        long value = unsignedAt(skip, bytes);
        position += skip + bytes;
        return value;
    }

    private long unsignedAt(int skip, int bytes) {
        need(skip + bytes);
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value = value << 8 | (buffer[position + skip + i] & 0xFF);
        }
        return value;
    }

    private long checkedLength(long length) {
        if (length > end - position) {
            throw error("a length header at byte " + position + " claims " + length + " bytes, but only "
                    + (end - position) + " are left");
        }
        return length;
    }

    private void need(long bytes) {
        if (bytes > end - position) {
            throw error("the msgpack document is truncated: it ends early at byte " + end);
        }
    }

    private BundleFormatException error(String message) {
        return new BundleFormatException(source + ": " + message);
    }
}
