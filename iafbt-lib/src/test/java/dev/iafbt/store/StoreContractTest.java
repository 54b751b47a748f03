package dev.iafbt.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.store.object.S3ObjectStorage;
import dev.iafbt.testing.EmbeddedPostgres;
import dev.iafbt.testing.S3Server;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Port of the reference's tests/services/backtest_store/test_store_contract.py: every store, one
 * contract (the s3-tiered store against an in-process S3 server, its Tier 1 in SQLite and in an
 * embedded PostgreSQL).
 */
class StoreContractTest {
    @TempDir
    Path temp;

    static Stream<Arguments> stores() {
        return Stream.of(
                Arguments.of("local-dir", (Function<Path, BacktestStore>) LocalDirStore::new),
                Arguments.of("local-tiered", (Function<Path, BacktestStore>) LocalTieredStore::new),
                Arguments.of("s3-tiered", (Function<Path, BacktestStore>) dir -> S3Server.shared()
                        .newStore(dir.resolve("tier1.sqlite").toString())),
                Arguments.of("s3-tiered, Tier 1 in PostgreSQL", (Function<Path, BacktestStore>) dir ->
                        new ObjectTieredStore(S3ObjectStorage.open(S3Server.shared().settings(S3Server.shared().newBucket())),
                                EmbeddedPostgres.freshSchemaUrl(), EmbeddedPostgres.credentials())));
    }

    private static String bare(String handle) {
        return handle.endsWith(".iafbt") ? handle.substring(0, handle.length() - 6) : handle;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void writeThenOpenRoundTripsAndSummaryOnlyTakesTheBareHandle(String kind, Function<Path, BacktestStore> factory) {
        BacktestStore store = factory.apply(temp);
        String handle = store.write(StoreFixtures.backtest("algo"), "rt");
        assertThat(store.open(handle, false).algorithmId()).isEqualTo("algo");
        store.write(StoreFixtures.backtest("algo"), "so");
        assertThat(store.open("so", true).algorithmId()).isEqualTo("algo");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void existsDeleteIdempotentAndMissingOpen(String kind, Function<Path, BacktestStore> factory) {
        BacktestStore store = factory.apply(temp);
        assertThat(store.exists("nope")).isFalse();
        store.write(StoreFixtures.backtest("algo"), "x");
        assertThat(store.exists("x")).isTrue();
        store.delete("x");
        assertThat(store.exists("x")).isFalse();
        store.delete("x");
        assertThatThrownBy(() -> store.open("x", false)).isInstanceOf(HandleNotFoundException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void handlesSizeAndIndexRows(String kind, Function<Path, BacktestStore> factory) {
        BacktestStore store = factory.apply(temp);
        assertThat(store.size()).isZero();
        store.write(StoreFixtures.backtest("a"), "a");
        store.write(StoreFixtures.backtest("b"), "b");
        assertThat(store.handles().stream().map(StoreContractTest::bare)).containsExactly("a", "b");
        assertThat(store.size()).isEqualTo(2);
        assertThat(store.indexRows()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void copyFromLocalDirAllAndSubset(String kind, Function<Path, BacktestStore> factory) {
        LocalDirStore source = new LocalDirStore(temp.resolve("src"));
        for (String h : List.of("x", "y", "z")) {
            source.write(StoreFixtures.backtest(h), h);
        }
        BacktestStore all = factory.apply(temp.resolve("all"));
        assertThat(all.copyFrom(source, null)).isEqualTo(3);
        assertThat(all.size()).isEqualTo(3);

        BacktestStore subset = factory.apply(temp.resolve("subset"));
        List<String> chosen = source.handles().stream().filter(h -> h.contains("x") || h.contains("z")).toList();
        assertThat(subset.copyFrom(source, chosen)).isEqualTo(2);
        assertThat(subset.handles().stream().map(StoreContractTest::bare)).containsExactly("x", "z");
    }
}
