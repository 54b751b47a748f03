package dev.iafbt.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.index.Indexer;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.index.StaleTempFiles;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.SummaryField;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * Kills a real child JVM ({@code destroyForcibly}, SIGKILL on Linux) in the middle of a bundle
 * save and of an index rebuild, and runs several indexers on one file at once. After every kill
 * the old bundle or index must be whole, the index complete, and SQLite's integrity check ok.
 * A build runs {@value #DEFAULT_KILLS} kills of each kind; {@code -Diafbt.crash.kills=N} (the
 * {@code crash-long} profile) runs more.
 */
@Tag("crash")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class CrashSafetyTest {
    private static final int DEFAULT_KILLS = 2;
    private static final int KILLS = Integer.getInteger("iafbt.crash.kills", DEFAULT_KILLS);
    private static final int BUNDLES = 120;

    @TempDir
    Path dir;

    private final SplittableRandom random = new SplittableRandom(20261130L);

    private static Process child(String mode, Path path) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), mode, path.toString())
                .redirectErrorStream(true).start();
    }

    /** Waits for the child's {@code ready}, lets it work for a random while, then kills it. */
    private void killMidway(Process process, int maxMillis) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("child started").isEqualTo("ready");
        Thread.sleep(200 + random.nextInt(maxMillis));
        assertThat(process.isAlive()).as("child still working when killed").isTrue();
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    void killingASaveLeavesTheOldOrTheNewBundleWhole() throws Exception {
        Path target = dir.resolve("target.iafbt");
        CrashChild.backtest("original", 0, 20_000).save(target);
        for (int kill = 0; kill < KILLS; kill++) {
            killMidway(child("save", target), 1500);
            Backtest survivor = Backtest.open(target); // whole, or this throws
            assertThat(survivor.algorithmId()).isIn("original", "saved");
            assertThat(survivor.runs().get(0).metrics().equityCurve().size()).isEqualTo(20_000);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(f -> !f.equals(target)))
                    .as("only temp files of killed saves are left beside the target")
                    .allSatisfy(f -> assertThat(StaleTempFiles.isTempName(f.getFileName().toString())).isTrue());
        }
    }

    @Test
    void killingARebuildLeavesTheOldIndexCompleteAndReadersNeverSeeAPart() throws Exception {
        Path folder = bundles();
        Path index = Indexer.builder(folder).build().run().index();
        AtomicBoolean reading = new AtomicBoolean(true);
        List<Long> partialCounts = new ArrayList<>();
        AtomicLong reads = new AtomicLong();
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                long count = count(index);
                reads.incrementAndGet();
                if (count != BUNDLES) {
                    synchronized (partialCounts) {
                        partialCounts.add(count);
                    }
                }
            }
        });
        reader.start();
        try {
            for (int kill = 0; kill < KILLS; kill++) {
                killMidway(child("rebuild", folder), 2500);
                assertThat(count(index)).isEqualTo(BUNDLES);
                assertThat(integrityCheck(index)).isEqualTo("ok");
            }
        } finally {
            reading.set(false);
            reader.join();
        }
        assertThat(reads.get()).isPositive();
        assertThat(partialCounts).as("row counts a reader saw during rebuilds").isEmpty();
    }

    @Test
    void severalIndexersOnOneFileLeaveItCompleteAndIntact() throws Exception {
        Path folder = bundles();
        List<Process> indexers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            indexers.add(child("index", folder));
        }
        for (Process p : indexers) {
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isZero();
        }
        Path index = folder.resolve(Indexer.DEFAULT_INDEX_NAME);
        assertThat(count(index)).isEqualTo(BUNDLES);
        assertThat(integrityCheck(index)).isEqualTo("ok");
        try (SqliteIndex opened = SqliteIndex.open(index)) {
            assertThat(opened.rows()).extracting(r -> r.summary(SummaryField.SHARPE_RATIO)).doesNotContainNull();
        }
    }

    private Path bundles() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("sweep"));
        for (int i = 0; i < BUNDLES; i++) {
            Backtest.builder(String.format("algo_%03d", i)).tag("crash").parameter("i", (long) i)
                    .summary(SummaryField.SHARPE_RATIO, i / 10.0).build()
                    .save(folder.resolve(String.format("algo_%03d.iafbt", i)));
        }
        return folder;
    }

    private static long count(Path index) {
        return query(index, "SELECT COUNT(*) FROM backtest_index", rs -> rs.getLong(1));
    }

    private static String integrityCheck(Path index) {
        return query(index, "PRAGMA integrity_check", rs -> rs.getString(1));
    }

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** A plain read-only connection, as another tool would open the index. */
    private static <T> T query(Path index, String sql, Reader<T> reader) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        try (Connection c = config.createConnection("jdbc:sqlite:" + index);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return reader.read(rs);
        } catch (SQLException e) {
            throw new AssertionError("reading " + index + ": " + e, e);
        }
    }
}
