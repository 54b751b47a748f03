package dev.iafbt.internal.parquet;

import com.github.luben.zstd.Zstd;
import dev.iafbt.testing.ReferenceFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;

/**
 * Pulls the top level of a reference bundle apart by hand (IAFB + uint32 LE version + one zstd
 * frame of msgpack), so that the Parquet and OHLCV tests do not depend on the bundle
 * codec. Skips the calling test when the fixtures are absent.
 */
public final class FixtureBlobs {
    private FixtureBlobs() {
    }

    /** The bundle's top-level map, key to msgpack value, in document order. */
    public static Map<String, Value> topLevel(String bundleName) throws IOException {
        byte[] file = Files.readAllBytes(ReferenceFixtures.file(bundleName));
        byte[] frame = Arrays.copyOfRange(file, 8, file.length);
        byte[] msgpack = Zstd.decompress(frame, (int) Zstd.getFrameContentSize(frame));
        Map<String, Value> entries = new LinkedHashMap<>();
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(msgpack)) {
            int count = unpacker.unpackMapHeader();
            for (int i = 0; i < count; i++) {
                String key = unpacker.unpackString();
                entries.put(key, unpacker.unpackValue());
            }
        }
        return entries;
    }

    /** The {@code blobs} map of a v2 bundle, key to Parquet bytes, in document order. */
    public static Map<String, byte[]> blobs(String bundleName) throws IOException {
        Map<String, byte[]> blobs = new LinkedHashMap<>();
        Value value = topLevel(bundleName).get("blobs");
        if (value != null) {
            value.asMapValue().map().forEach((k, v) -> blobs.put(k.asStringValue().asString(),
                    v.asBinaryValue().asByteArray()));
        }
        return blobs;
    }
}
