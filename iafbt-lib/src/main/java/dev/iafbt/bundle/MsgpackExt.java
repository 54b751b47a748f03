package dev.iafbt.bundle;

import java.util.Arrays;

/**
 * A msgpack extension value. The reference never writes one, but a
 * foreign writer might; it is carried through verbatim rather than rejected.
 */
public record MsgpackExt(byte type, byte[] data) {
    @Override
    public boolean equals(Object other) {
        return other instanceof MsgpackExt ext && ext.type == type && Arrays.equals(ext.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "MsgpackExt[type=" + type + ", " + data.length + " bytes]";
    }
}
