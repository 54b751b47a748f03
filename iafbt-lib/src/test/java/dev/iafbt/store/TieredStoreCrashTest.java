package dev.iafbt.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.index.IndexRow;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.RunBuilder;
import dev.iafbt.model.SummaryField;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kills a child JVM at every step boundary of a tiered write and of a tiered delete (the child
 * halts itself at the step, as {@code kill -9} would stop it there) and checks every tier
 * afterwards: {@code open}, {@code indexRows}, a DuckDB hive scan of Tier 2 and the collector's
 * view all show the old version before the commit point and the new one from it on; a kill before
 * the commit leaves nothing a scan reads; what the files hold before any reader came is reported
 * by {@code verify()}, and {@code repair()} leaves a store that verifies clean, without temp files.
 * Before the commit protocol, kills between the partitions and the bundle left Tier 2 holding the
 * new run beside the old bundle and row, and nothing detected it (issue 15, item 4).
 */
@Tag("crash")
class TieredStoreCrashTest {
    @TempDir
    Path temp;

    /** Old: 4 snapshots, 1 trade, 1 order, chunk of frame 1. */
    static Backtest oldVersion(LocalTieredStore store) {
        return StoreFixtures.builder("old").ohlcv("BTC/EUR:1h", store.ohlcvStore().put(StoreFixtures.frame(1), false))
                .build();
    }

    /** New: 3 snapshots, no trades or orders (their partitions must go), chunk of frame 2. */
    static Backtest newVersion(LocalTieredStore store) {
        Instant start = StoreFixtures.START;
        Instant end = start.plus(Duration.ofDays(2));
        return Backtest.builder("new").parameter("fast", 20L)
                .run(RunBuilder.window(start, end).name("feb").tradingSymbol("EUR").snapshot(start, 1000)
                        .snapshot(start.plus(Duration.ofDays(1)), 1005).snapshot(end, 1010))
                .summary(SummaryField.SHARPE_RATIO, 2.0)
                .ohlcv("BTC/EUR:1h", store.ohlcvStore().put(StoreFixtures.frame(2), false))
                .build();
    }

    private static final Map<Tier2Dataset, Long> OLD_ROWS = rows(4, 1, 1);
    private static final Map<Tier2Dataset, Long> NEW_ROWS = rows(3, 0, 0);
    private static final Map<Tier2Dataset, Long> NO_ROWS = rows(0, 0, 0);

    private static Map<Tier2Dataset, Long> rows(long snapshots, long trades, long orders) {
        Map<Tier2Dataset, Long> rows = new EnumMap<>(Tier2Dataset.class);
        rows.put(Tier2Dataset.PORTFOLIO_SNAPSHOTS, snapshots);
        rows.put(Tier2Dataset.TRADES, trades);
        rows.put(Tier2Dataset.ORDERS, orders);
        return rows;
    }

    static Stream<Arguments> killPoints() {
        List<String> writeSteps = GcInterleavingTest.writerSteps();
        List<String> deleteSteps = List.of("locked", "intent-recorded", "partition-portfolio_snapshots",
                "partition-trades", "partition-orders", "bundle-moved", "index-updated", "intent-cleared");
        return Stream.concat(writeSteps.stream().map(s -> Arguments.of("write", s)),
                deleteSteps.stream().map(s -> Arguments.of("delete", s)));
    }

    @ParameterizedTest(name = "{0} killed after {1}")
    @MethodSource("killPoints")
    void aKillAtAnyStepLeavesEachTierWhollyOldOrWhollyNew(String mode, String step) throws Exception {
        Path root = temp.resolve("store");
        LocalTieredStore store = new LocalTieredStore(root);
        store.write(oldVersion(store), "h");
        store.write(StoreFixtures.withOhlcv("other", store.ohlcvStore(), 5), "other");

        kill(root, mode, step);

        boolean committed = step.equals("intent-cleared") || !(step.equals("locked") || step.equals("chunks-placed")
                || step.equals("partitions-staged") || step.equals("bundle-staged"));
        StoreCheck raw = store.verify();
        if (!committed) {
            // nothing a reader or a scan looks at has changed: only hidden temp files are left
            assertThat(raw.problems()).extracting(StoreCheck.Problem::kind).isSubsetOf(StoreCheck.Kind.TEMP_FILE);
            assertThat(scan(root, "h")).as("hive scan before any reader came").isEqualTo(OLD_ROWS);
        } else if (!step.equals("intent-cleared")) {
            assertThat(raw.problems()).extracting(StoreCheck.Problem::kind).contains(StoreCheck.Kind.INTERRUPTED_WRITE);
        }

        boolean gone = committed && mode.equals("delete");
        boolean isNew = committed && mode.equals("write");
        // readers: the first one completes the committed change (the killed writer holds no lock)
        if (gone) {
            assertThat(store.exists("h")).isFalse();
        } else {
            assertThat(store.open("h", false).algorithmId()).isEqualTo(isNew ? "new" : "old");
            assertThat(store.ohlcv("h").get("BTC/EUR:1h").rowCount()).isEqualTo(4);
        }
        assertThat(store.handles()).isEqualTo(gone ? List.of("other") : List.of("h", "other"));
        List<IndexRow> rows = store.indexRows().stream().filter(r -> r.bundlePath().equals("h")).toList();
        assertThat(rows).extracting(IndexRow::algorithmId).isEqualTo(gone ? List.of() : List.of(isNew ? "new" : "old"));
        assertThat(scan(root, "h")).as("hive scan").isEqualTo(gone ? NO_ROWS : isNew ? NEW_ROWS : OLD_ROWS);
        assertThat(scan(root, "other")).as("hive scan of the other handle").isEqualTo(OLD_ROWS);
        GcReport gc = OhlcvCollector.collect(root, Duration.ZERO, true);
        assertThat(gc.missing()).isEmpty();
        assertThat(gc.unreadable()).isEmpty();

        StoreCheck repaired = store.repair();
        assertThat(repaired.problems()).isEmpty();
        assertThat(repaired.repaired()).extracting(StoreCheck.Problem::kind).isSubsetOf(StoreCheck.Kind.TEMP_FILE);
        assertThat(store.verify().consistent()).isTrue();
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
        }
        GcReport swept = OhlcvCollector.collect(root, Duration.ZERO, false);
        assertThat(swept.missing()).isEmpty();
        assertThat(store.ohlcvStore().list()).hasSize(gone ? 1 : 2); // the visible versions' chunks only
    }

    private void kill(Path root, String mode, String step) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                TieredCrashChild.class.getName(), root.toString(), mode, step).redirectErrorStream(true).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as("child killed at " + step + "; output:\n" + output)
                .isEqualTo(TieredCrashChild.KILLED);
    }

    /** Rows per dataset for one run_id, as an analyst's hive scan over the whole store sees them. */
    private static Map<Tier2Dataset, Long> scan(Path root, String handle) throws Exception {
        LocalTieredStore store = new LocalTieredStore(root);
        Map<Tier2Dataset, Long> counts = new EnumMap<>(Tier2Dataset.class);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            for (Tier2Dataset dataset : Tier2Dataset.values()) {
                long n;
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + Tier2DuckDbTest.source(store, dataset)
                        + " WHERE run_id = '" + handle + "'")) {
                    rs.next();
                    n = rs.getLong(1);
                } catch (java.sql.SQLException e) {
                    if (!String.valueOf(e.getMessage()).contains("No files found")) {
                        throw e;
                    }
                    n = 0;
                }
                counts.put(dataset, n);
            }
        }
        return counts;
    }
}
