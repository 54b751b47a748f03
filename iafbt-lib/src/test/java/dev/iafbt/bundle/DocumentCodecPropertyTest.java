package dev.iafbt.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.internal.bundle.MsgpackDecoder;
import dev.iafbt.internal.bundle.MsgpackEncoder;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The document codec over random trees: decode(encode(tree)) is the same tree (same kinds, key
 * order, NaN and ±inf, str vs bin, int vs float), and encoding is a fixed point, which is what
 * makes an unchanged bundle re-encode to its own bytes.
 */
class DocumentCodecPropertyTest {

    @Property(tries = 300)
    void decodeOfEncodeIsTheSameTree(@ForAll("documents") DocMap document) {
        byte[] encoded = MsgpackEncoder.encode(document);
        Object decoded = MsgpackDecoder.decode(encoded, "property", MsgpackDecoder.SkipPolicy.NONE);
        assertThat(sameTree(document, decoded)).as("decoded tree equals the original").isTrue();
        assertThat(MsgpackEncoder.encode(decoded)).isEqualTo(encoded);
    }

    @Property(tries = 100)
    void wholeBundleRoundTripsThroughTheContainer(@ForAll("documents") DocMap document) {
        Bundle bundle = Bundle.of(2, document);
        byte[] file = BundleWriter.encode(bundle, WriteOptions.DEFAULT.withZstdLevel(1));
        Bundle read = BundleReader.read(file, null, ReadOptions.FULL);
        assertThat(read.formatVersion()).isEqualTo(2);
        assertThat(BundleWriter.encode(read, WriteOptions.DEFAULT.withZstdLevel(1))).isEqualTo(file);
    }

    @Property(tries = 100)
    void summaryOnlySkipsHeavyKeysYetReencodesIdentically(@ForAll("documents") DocMap document,
                                                          @ForAll("values") Object heavy) {
        document.put("event_runs", heavy);
        byte[] encoded = MsgpackEncoder.encode(document);
        Bundle bundle = BundleReader.decodeDocument(encoded, 2, null, true);
        assertThat(bundle.document().get("event_runs")).isInstanceOf(RawMsgpack.class);
        assertThat(MsgpackEncoder.encode(bundle.document())).isEqualTo(encoded);
        assertThat(sameTree(heavy, bundle.resolve(bundle.document(), "event_runs"))).isTrue();
    }

    @Provide
    Arbitrary<DocMap> documents() {
        return maps(3);
    }

    @Provide
    Arbitrary<Object> values() {
        return value(3);
    }

    private Arbitrary<DocMap> maps(int depth) {
        return Arbitraries.maps(Arbitraries.strings().ofMaxLength(12), value(depth - 1)).ofMaxSize(6)
                .map(m -> {
                    DocMap map = new DocMap();
                    map.putAll(m);
                    return map;
                });
    }

    private Arbitrary<Object> value(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.integers().between(-40, 300).map(i -> (Object) (long) i),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0)
                        .map(d -> (Object) d),
                Arbitraries.floats().map(f -> (Object) f),
                Arbitraries.bigIntegers().between(BigInteger.ONE.shiftLeft(63), BigInteger.ONE.shiftLeft(64)
                        .subtract(BigInteger.ONE)).map(b -> (Object) b),
                Arbitraries.strings().ofMaxLength(300).map(s -> (Object) s),
                Arbitraries.strings().withCharRange('\u00e0', '\u0800').ofMaxLength(100).map(s -> (Object) s),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(b -> (Object) b));
        if (depth <= 0) {
            return scalar;
        }
        Arbitrary<Object> list = value(depth - 1).list().ofMaxSize(5).map(l -> (Object) new DocList(l));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, scalar),
                net.jqwik.api.Tuple.of(2, list),
                net.jqwik.api.Tuple.of(2, maps(depth - 1).map(m -> (Object) m)));
    }

    /** Structural equality that also compares kinds, byte arrays by content and NaN as equal. */
    static boolean sameTree(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (!List.copyOf(ma.keySet()).equals(List.copyOf(mb.keySet()))) {
                return false;
            }
            return ma.keySet().stream().allMatch(k -> sameTree(ma.get(k), mb.get(k)));
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!sameTree(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof byte[] ba && b instanceof byte[] bb) {
            return Arrays.equals(ba, bb);
        }
        if (a instanceof Double da && b instanceof Double db) {
            return Double.doubleToRawLongBits(da) == Double.doubleToRawLongBits(db)
                    || da.isNaN() && db.isNaN();
        }
        return a.getClass() == b.getClass() && a.equals(b);
    }
}
