package dev.iafbt.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.index.SqliteIndex;
import dev.iafbt.model.Backtest;
import dev.iafbt.store.LocalTieredStore;
import dev.iafbt.testing.ParameterSweepSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/**
 * {@code iafbt:verify-store} on a damaged tiered store, and {@code index}/{@code list} pointed at a
 * store's folders: never a second row per backtest (issue 15, item 5: 45 bundles gave 90 rows).
 */
@MojoTest
class VerifyStoreMojoTest extends GoalTestSupport {
    private static final int BUNDLES = 24;

    /** A tiered store holding the 24-bundle sample sweep, handles {@code <algorithm id>}. */
    private LocalTieredStore sampleStore() throws Exception {
        Path sweep = project.resolve("sweep");
        ParameterSweepSample.write(sweep);
        LocalTieredStore store = new LocalTieredStore(project.resolve("store"));
        try (Stream<Path> files = Files.list(sweep)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".iafbt")).sorted().toList()) {
                store.write(Backtest.open(file), file.getFileName().toString());
            }
        }
        return store;
    }

    /** Damage of three repairable kinds: no index file, an orphan partition, a killed writer's temp file. */
    private static void damage(LocalTieredStore store) throws Exception {
        Files.delete(store.indexFile());
        Path trades = store.parquetRoot().resolve("portfolio_snapshots");
        Path some;
        try (Stream<Path> dirs = Files.list(trades)) {
            some = dirs.sorted().findFirst().orElseThrow();
        }
        Path ghost = Files.createDirectories(trades.resolve("run_id=ghost"));
        Files.copy(some.resolve("part-0.parquet"), ghost.resolve("part-0.parquet"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(store.root().resolve("bundles/.x.iafbt.12ab.tmp"), "half a bundle");
    }

    private static long rows(Path index) {
        try (SqliteIndex opened = SqliteIndex.openReadOnly(index)) {
            return opened.count();
        }
    }

    @Test
    @InjectMojo(goal = "verify-store")
    @UserProperty(name = "iafbt.store", value = "store")
    void reportsEveryDisagreementAndFailsTheBuild(VerifyStoreMojo mojo) throws Exception {
        LocalTieredStore store = sampleStore();
        damage(store);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining((BUNDLES + 2) + " problem(s) in " + store.root())
                .hasMessageContaining("can be fixed with -Diafbt.repair=true");

        assertThat(log.at("WARNING")).hasSize(BUNDLES + 2)
                .anyMatch(l -> l.startsWith("ORPHAN_PARTITION 'ghost'"))
                .anyMatch(l -> l.startsWith("TEMP_FILE"))
                .filteredOn(l -> l.startsWith("MISSING_INDEX_ROW")).hasSize(BUNDLES);
        assertThat(Files.exists(store.indexFile())).as("verify changes nothing").isFalse();
    }

    @Test
    @InjectMojo(goal = "verify-store")
    @UserProperty(name = "iafbt.store", value = "store")
    @UserProperty(name = "iafbt.repair", value = "true")
    void repairFixesEverythingFromTheBundles(VerifyStoreMojo mojo) throws Exception {
        LocalTieredStore store = sampleStore();
        damage(store);

        mojo.execute();

        assertThat(log.at("INFO")).filteredOn(l -> l.startsWith("Repaired ")).hasSize(BUNDLES + 2);
        assertThat(log.at("INFO")).last().asString().startsWith("consistent; repaired " + (BUNDLES + 2));
        assertThat(store.verify().problems()).isEmpty();
        assertThat(rows(store.indexFile())).isEqualTo(BUNDLES);
        assertThat(store.parquetRoot().resolve("portfolio_snapshots/run_id=ghost")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "verify-store")
    @UserProperty(name = "iafbt.store", value = "store")
    @UserProperty(name = "iafbt.repair", value = "true")
    void aMissingChunkCannotBeRepairedAndFailsTheBuild(VerifyStoreMojo mojo) throws Exception {
        LocalTieredStore store = sampleStore();
        String chunk = store.ohlcvStore().put(dev.iafbt.ohlcv.OhlcvFrame.ofEpochMillis(new long[] {0L},
                new double[] {1}, new double[] {1}, new double[] {1}, new double[] {1}, new double[] {1}), false);
        store.write(Backtest.builder("with_chunk").ohlcv("BTC/EUR:1h", chunk).build(), "with_chunk");
        Files.delete(store.ohlcvStore().pathOf(chunk));

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("1 problem(s)").hasMessageContaining("cannot be fixed from the bundles");
        assertThat(log.at("ERROR")).singleElement().asString().startsWith("MISSING_CHUNK 'with_chunk'");
    }

    @Test
    @InjectMojo(goal = "verify-store")
    @UserProperty(name = "iafbt.store", value = "sweep")
    @UserProperty(name = "iafbt.storeKind", value = "local-dir")
    @UserProperty(name = "iafbt.repair", value = "true")
    void aFolderStoreLosesItsOldTempFilesAndReportsWhatCannotBeFixed(VerifyStoreMojo mojo) throws Exception {
        Path sweep = project.resolve("sweep");
        ParameterSweepSample.write(sweep);
        Files.write(sweep.resolve("cut.iafbt"), new byte[] {'I', 'A', 'F', 'B', 2, 0, 0, 0, 1});
        Path killedSave = sweep.resolve(".x.iafbt.12ab.tmp");
        Files.writeString(killedSave, "half a bundle");
        Files.setLastModifiedTime(killedSave, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofHours(2))));

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("1 problem(s) in " + sweep).hasMessageContaining("cannot be fixed from the bundles");
        assertThat(log.at("INFO")).first().asString().startsWith("Verifying and repairing folder store " + sweep);
        assertThat(log.at("INFO")).filteredOn(l -> l.startsWith("Repaired TEMP_FILE")).hasSize(1);
        assertThat(log.at("ERROR")).singleElement().asString().startsWith("UNREADABLE_BUNDLE 'cut.iafbt'");
        assertThat(killedSave).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "verify-store")
    @UserProperty(name = "iafbt.store", value = "store/bundles")
    void aFolderThatIsNotAStoreRootIsRefusedWithTheRootToUse(VerifyStoreMojo mojo) throws Exception {
        LocalTieredStore store = sampleStore();
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("is not a tiered store").hasMessageContaining("-Diafbt.store=" + store.root());
    }

    @Test
    @InjectMojo(goal = "index")
    @UserProperty(name = "iafbt.bundles", value = "store/bundles")
    @UserProperty(name = "iafbt.index", value = "store/index.sqlite")
    void indexingAStoresBundlesIsRefusedNamingTheStore(IndexMojo mojo) throws Exception {
        LocalTieredStore store = sampleStore();
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining(store.root() + " is a tiered store (iafbt.store)")
                .hasMessageContaining("-Diafbt.store=" + store.root());
        assertThat(rows(store.indexFile())).isEqualTo(BUNDLES);
        assertThat(store.root().resolve("bundles/index.sqlite")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "list")
    @UserProperty(name = "iafbt.bundles", value = "store/bundles")
    void listOnAStoresBundlesReadsTheStoresOwnIndexOnce(ListMojo mojo) throws Exception {
        LocalTieredStore store = sampleStore();
        mojo.execute();
        assertThat(log.at("INFO").get(0)).startsWith("Reading the tiered store " + store.root());
        assertThat(log.at("INFO")).anyMatch(l -> l.startsWith(BUNDLES + " of " + BUNDLES + " indexed bundle(s)"));
        assertThat(rows(store.indexFile())).isEqualTo(BUNDLES);
    }

    @Test
    @InjectMojo(goal = "rank")
    @UserProperty(name = "iafbt.store", value = "store")
    @UserProperty(name = "iafbt.by", value = "sharpe_ratio")
    void rankOnAStoreRootReadsTheStoresOwnIndex(RankMojo mojo) throws Exception {
        LocalTieredStore store = sampleStore();
        mojo.execute();
        assertThat(log.at("INFO").get(0)).startsWith("Reading the tiered store " + store.root());
        assertThat(log.at("INFO")).anyMatch(l -> l.startsWith("Top 10 of " + BUNDLES + " indexed bundle(s)"));
        assertThat(rows(store.indexFile())).isEqualTo(BUNDLES);
    }
}
