package dev.iafbt.bundle;

import dev.iafbt.internal.bundle.BundleContainer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Rewrites the zstd frame header of a bundle so that it declares another content size, the way
 * an attacker (or a damaged disk) would: the blocks stay as the writer produced them.
 */
final class FrameHeaders {
    private static final int FRAME = BundleContainer.HEADER_SIZE;

    private FrameHeaders() {
    }

    static byte[] withDeclaredSize(byte[] bundle, long declared) {
        int descriptor = bundle[FRAME + 4] & 0xff;
        boolean singleSegment = (descriptor & 0x20) != 0;
        int dictIdBytes = new int[] {0, 1, 2, 4}[descriptor & 3];
        int sizeFlag = descriptor >>> 6;
        int sizeBytes = new int[] {singleSegment ? 1 : 0, 2, 4, 8}[sizeFlag];
        int pos = FRAME + 5;
        int windowDescriptor;
        if (singleSegment) {
            long original = readSize(bundle, pos + dictIdBytes, sizeBytes);
            int log = Math.max(10, 64 - Long.numberOfLeadingZeros(Math.max(1, original - 1)));
            windowDescriptor = (log - 10) << 3; // the window the writer needed, not the declared size
        } else {
            windowDescriptor = bundle[pos++] & 0xff;
        }
        byte[] dictId = java.util.Arrays.copyOfRange(bundle, pos, pos + dictIdBytes);
        int blocks = pos + dictIdBytes + sizeBytes;
        ByteBuffer out = ByteBuffer.allocate(bundle.length - blocks + FRAME + 6 + dictIdBytes + 8)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(bundle, 0, FRAME + 4)
                .put((byte) (0xc0 | descriptor & 0x07)) // 8-byte size, windowed, keep checksum/dict flags
                .put((byte) windowDescriptor)
                .put(dictId)
                .putLong(declared)
                .put(bundle, blocks, bundle.length - blocks);
        return out.array();
    }

    private static long readSize(byte[] bytes, int at, int length) {
        long value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = value << 8 | bytes[at + i] & 0xff;
        }
        return length == 2 ? value + 256 : value;
    }
}
