package dev.iafbt.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Names the document path that contains a byte offset of a msgpack stream, e.g.
 * {@code event_runs[1].portfolio_snapshots[17].total_value}, by walking the structure and
 * watching the unpacker's read position. Used only to explain a failed round trip, so it favours
 * clarity over speed.
 */
final class MsgpackPathLocator {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_@-]*");
    static final String ROOT = "<document>";

    private final MessageUnpacker unpacker;
    private final long target;

    private MsgpackPathLocator(byte[] msgpack, long target) {
        this.unpacker = MessagePack.newDefaultUnpacker(msgpack);
        this.target = target;
    }

    /** The path of the innermost value (or map key) whose bytes include {@code offset}. */
    static String pathAt(byte[] msgpack, long offset) {
        // an unpacker over a byte array holds no resource, so it is left unclosed
        try {
            String path = new MsgpackPathLocator(msgpack, offset).walk("");
            return path == null ? "after the end of the document" : path.isEmpty() ? ROOT : path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return "an undecodable part of the document (" + e.getMessage() + ")";
        }
    }

    /** Returns the path when the target lies within the value starting here, else null (value skipped). */
    private String walk(String path) throws IOException {
        if (!unpacker.hasNext()) {
            return null;
        }
        ValueType type = unpacker.getNextFormat().getValueType();
        if (type == ValueType.MAP) {
            int entries = unpacker.unpackMapHeader();
            if (target < position()) {
                return path;
            }
            for (int i = 0; i < entries; i++) {
                String child = child(path, keyText());
                if (target < position()) {
                    return child + " (the key)";
                }
                String found = walk(child);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (type == ValueType.ARRAY) {
            int elements = unpacker.unpackArrayHeader();
            if (target < position()) {
                return path;
            }
            for (int i = 0; i < elements; i++) {
                String found = walk(path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        unpacker.skipValue();
        return target < position() ? path : null;
    }

    private long position() {
        return unpacker.getTotalReadBytes();
    }

    private String keyText() throws IOException {
        return unpacker.getNextFormat().getValueType() == ValueType.STRING
                ? unpacker.unpackString() : unpacker.unpackValue().toString();
    }

    private static String child(String parent, String key) {
        String step = PLAIN_KEY.matcher(key).matches() ? key : "[\"" + key.replace("\"", "\\\"") + "\"]";
        if (parent.isEmpty()) {
            return step.startsWith("[") ? ROOT + step : step;
        }
        return step.startsWith("[") ? parent + step : parent + "." + step;
    }
}
