package dev.iafbt.internal.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.bundle.BundleFormatException;
import dev.iafbt.bundle.DocList;
import dev.iafbt.bundle.DocMap;
import dev.iafbt.bundle.RawMsgpack;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * {@link MsgpackDecoder#decodeFields} gives, for every kind of msgpack value, what decoding the
 * whole array gives at those keys, and refuses what the full decoder refuses.
 */
class MsgpackFieldScannerTest {
    private static final String[] KEYS = {"a", "b"};

    @Test
    void everyKindOfValueDecodesAsTheFullDecoderDecodesIt() throws IOException {
        MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
        int elements = 0;
        Object[][] kinds = {{0L}, {-5L}, {127L}, {-128L}, {300L}, {-40_000L}, {70_000L}, {-3_000_000_000L},
            {5_000_000_000L}, {Long.MAX_VALUE}, {Long.MIN_VALUE}, {new BigInteger("18446744073709551615")},
            {1.5f}, {2.25}, {Double.NaN}, {""}, {"x".repeat(40)}, {"y".repeat(300)}, {"é✓"}, {null}, {true}, {false},
            {new byte[] {1, 2}}, {List.of(1L, "z")}, {"map"}};
        p.packArrayHeader(kinds.length + 2);
        for (Object[] kind : kinds) {
            p.packMapHeader(5);
            p.packString("skip-me").packArrayHeader(2).packMapHeader(1).packString("k").packLong(1).packBinaryHeader(3)
                    .writePayload(new byte[] {7, 8, 9});
            p.packString("b");
            pack(p, kind[0]);
            p.packString("a").packString("first a");
            p.packString("ext").packExtensionTypeHeader((byte) 3, 5).writePayload(new byte[5]);
            p.packString("a").packString("second a wins"); // a later repeat wins, as in a decoded map
            elements++;
        }
        p.packString("not a map");
        p.packMapHeader(2).packString("b").packDouble(-0.0).packString("c").packNil();
        byte[] bytes = p.toByteArray();

        DocList full = (DocList) MsgpackDecoder.decode(bytes, "t", MsgpackDecoder.SkipPolicy.NONE);
        List<String> seen = new ArrayList<>();
        MsgpackDecoder.decodeFields(new RawMsgpack(bytes, 0, bytes.length, full.size(), RawMsgpack.Kind.ARRAY), "t", KEYS,
                (index, values) -> {
                    DocMap expected = (DocMap) full.get(index);
                    assertThat(values).as("element %d", index).containsExactly(expected.get("a"), expected.get("b"));
                    if (index < kinds.length) {
                        assertThat(values[0]).isEqualTo("second a wins");
                    }
                    seen.add(index + "");
                });
        assertThat(seen).hasSize(elements + 1).doesNotContain(String.valueOf(elements));
    }

    @Test
    void theFirstValueOfEachKindIsNotOverwrittenWhenNotRepeated() throws IOException {
        MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
        p.packArrayHeader(1).packMapHeader(2).packString("a").packLong(-7).packString("b")
                .packString("2024-01-01T00:00:00+00:00");
        byte[] bytes = p.toByteArray();
        List<Object[]> got = new ArrayList<>();
        MsgpackDecoder.decodeFields(new RawMsgpack(bytes, 0, bytes.length, 1, RawMsgpack.Kind.ARRAY), "t", KEYS,
                (index, values) -> got.add(values.clone()));
        assertThat(got).hasSize(1);
        assertThat(got.get(0)).containsExactly(-7L, "2024-01-01T00:00:00+00:00");
    }

    @Test
    void truncatedLyingAndMalformedBytesAreNamedErrors() throws IOException {
        MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
        p.packArrayHeader(2).packMapHeader(1).packString("a").packString("text")
                .packMapHeader(1).packString("b").packDouble(1.0);
        byte[] bytes = p.toByteArray();
        for (int cut = 1; cut < bytes.length; cut++) {
            byte[] truncated = Arrays.copyOf(bytes, cut);
            assertThatThrownBy(() -> scan(truncated)).as("cut at %d", cut).isInstanceOf(BundleFormatException.class)
                    .hasMessageStartingWith("t: ");
        }
        byte[] lying = bytes.clone();
        lying[0] = (byte) 0xdd; // array32 header claiming billions of elements
        assertThatThrownBy(() -> scan(lying)).isInstanceOf(BundleFormatException.class);
        byte[] badKey = bytes.clone();
        badKey[2] = 0x01; // the first key becomes an int
        assertThatThrownBy(() -> scan(badKey)).isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("bundle map keys must be strings");
        MessageBufferPacker q = MessagePack.newDefaultBufferPacker();
        q.packArrayHeader(1).packMapHeader(1).packString("a").packRawStringHeader(2).writePayload(new byte[] {(byte) 0xC3, 0x28});
        byte[] invalidUtf8 = q.toByteArray();
        assertThatThrownBy(() -> scan(invalidUtf8)).isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("is not valid UTF-8");
    }

    private static void scan(byte[] bytes) {
        MsgpackDecoder.decodeFields(new RawMsgpack(bytes, 0, bytes.length, -1, RawMsgpack.Kind.ARRAY), "t", KEYS,
                (index, values) -> { });
    }

    private static void pack(MessageBufferPacker p, Object value) throws IOException {
        if (value == null) {
            p.packNil();
        } else if (value instanceof Long l) {
            p.packLong(l);
        } else if (value instanceof BigInteger b) {
            p.packBigInteger(b);
        } else if (value instanceof Float f) {
            p.packFloat(f);
        } else if (value instanceof Double d) {
            p.packDouble(d);
        } else if (value instanceof String s && s.equals("map")) {
            p.packMapHeader(1).packString("x").packArrayHeader(1).packNil();
        } else if (value instanceof String s) {
            p.packString(s);
        } else if (value instanceof Boolean b) {
            p.packBoolean(b);
        } else if (value instanceof byte[] bytes) {
            p.packBinaryHeader(bytes.length).writePayload(bytes);
        } else if (value instanceof List<?> list) {
            p.packArrayHeader(list.size());
            for (Object o : list) {
                pack(p, o);
            }
        }
    }

    @Test
    void leadingMapsDecodeAsTheFullDecoderDecodesThemAndAllMapsAreCounted() throws IOException {
        MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
        p.packArrayHeader(6);
        p.packMapHeader(2).packString("a").packLong(1).packString("nested").packArrayHeader(1).packMapHeader(0);
        p.packString("not a map");
        p.packMapHeader(1).packString("a").packDouble(2.5);
        p.packMapHeader(0);
        p.packNil();
        p.packMapHeader(1).packString("a").packString("last");
        byte[] bytes = p.toByteArray();
        DocList full = (DocList) MsgpackDecoder.decode(bytes, "t", MsgpackDecoder.SkipPolicy.NONE);
        RawMsgpack raw = new RawMsgpack(bytes, 0, bytes.length, full.size(), RawMsgpack.Kind.ARRAY);
        for (int limit = 0; limit <= 5; limit++) {
            List<Object> seen = new ArrayList<>();
            int total = MsgpackDecoder.decodeMaps(raw, "t", limit, (index, map) -> {
                assertThat(map).isEqualTo(full.get(index));
                seen.add(index);
            });
            assertThat(total).isEqualTo(4);
            assertThat(seen).containsExactlyElementsOf(List.of(0, 2, 3, 5).subList(0, Math.min(limit, 4)));
        }
    }

    @Test
    void aSkippedSubtreeEndsWhereTheFullDecoderEnds() throws IOException {
        MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
        p.packMapHeader(2).packString("skipped").packArrayHeader(3).packMapHeader(2).packString("x").packDouble(1.0)
                .packString("s").packString("y".repeat(40)).packBinaryHeader(2).writePayload(new byte[2])
                .packExtensionTypeHeader((byte) 1, 4).writePayload(new byte[4]);
        p.packString("after").packLong(-3);
        byte[] bytes = p.toByteArray();
        DocMap document = (DocMap) MsgpackDecoder.decode(bytes, "t", (depth, parentKey, key) -> "skipped".equals(key));
        RawMsgpack skipped = (RawMsgpack) document.get("skipped");
        assertThat(document.get("after")).isEqualTo(-3L);
        assertThat(bytes[skipped.offset() + skipped.length()]).as("the next key's header").isEqualTo((byte) 0xa5);
        DocMap decoded = (DocMap) MsgpackDecoder.decode(bytes, "t", MsgpackDecoder.SkipPolicy.NONE);
        assertThat(MsgpackDecoder.decode(skipped, "t")).usingRecursiveComparison().isEqualTo(decoded.get("skipped"));
    }
}
