package dev.iafbt.ohlcv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OhlcvGcTest {
    @TempDir
    Path temp;

    static void age(Path file, Duration by) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(by)));
    }

    @Test
    void planIsADryRunAndSweepDeletesOnlyOldOrphans() throws Exception {
        OhlcvStore store = new OhlcvStore(temp);
        OhlcvFrame frame = OhlcvFrameCodecTest.sampleFrame(TimeUnit.MILLISECONDS);
        String kept = store.put(frame, false);
        String orphan = store.put(frame, true);
        age(store.pathOf(kept), Duration.ofDays(2));
        age(store.pathOf(orphan), Duration.ofDays(2));
        Instant cutoff = Instant.now().minus(Duration.ofHours(24));

        OhlcvGc.Plan plan = OhlcvGc.plan(temp, Set.of(kept), cutoff);

        assertThat(plan.sweepable()).extracting(OhlcvGc.Chunk::name).containsExactly(orphan);
        assertThat(plan.stored()).hasSize(2);
        assertThat(store.list()).containsExactlyInAnyOrder(kept, orphan);
        assertThat(OhlcvGc.sweep(temp, List.of(orphan), cutoff)).containsExactly(orphan);
        assertThat(store.list()).containsExactly(kept);
        assertThat(OhlcvGc.sweep(temp, List.of(orphan), cutoff)).isEmpty();
    }

    /** The old sweep deleted a chunk a writer had just stored for a bundle not yet on disk. */
    @Test
    void chunkStoredJustBeforeItsBundleSurvivesTheGracePeriod() {
        OhlcvStore store = new OhlcvStore(temp);
        String fresh = store.put(OhlcvFrameCodecTest.sampleFrame(TimeUnit.MILLISECONDS), false);
        Instant cutoff = Instant.now().minus(Duration.ofHours(24));

        OhlcvGc.Plan plan = OhlcvGc.plan(temp, Set.of(), cutoff);

        assertThat(plan.sweepable()).isEmpty();
        assertThat(plan.young()).extracting(OhlcvGc.Chunk::name).containsExactly(fresh);
        assertThat(OhlcvGc.sweep(temp, List.of(fresh), cutoff)).isEmpty();
        assertThat(store.contains(fresh)).isTrue();
    }

    @Test
    void sweepRechecksTheTimeSoAChunkTouchedAfterPlanningSurvives() throws Exception {
        OhlcvStore store = new OhlcvStore(temp);
        String chunk = store.put(OhlcvFrameCodecTest.sampleFrame(TimeUnit.MILLISECONDS), false);
        age(store.pathOf(chunk), Duration.ofDays(3));
        Instant cutoff = Instant.now().minus(Duration.ofHours(24));
        OhlcvGc.Plan plan = OhlcvGc.plan(temp, Set.of(), cutoff);
        assertThat(plan.sweepable()).hasSize(1);

        Files.setLastModifiedTime(store.pathOf(chunk), FileTime.from(Instant.now())); // a writer reuses it

        assertThat(OhlcvGc.sweep(temp, List.of(chunk), cutoff)).isEmpty();
        assertThat(store.contains(chunk)).isTrue();
    }

    @Test
    void onlyTempFilesOlderThanTheCutoffAreStale() throws Exception {
        Path old = Files.writeString(temp.resolve("." + "a".repeat(64) + ".parquet.1f.tmp"), "x");
        Path recent = Files.writeString(temp.resolve("b".repeat(64) + ".parquet.tmp"), "x");
        age(old, Duration.ofDays(2));

        OhlcvGc.Plan plan = OhlcvGc.plan(temp, Set.of(), Instant.now().minus(Duration.ofHours(24)));

        assertThat(plan.staleTemps()).containsExactly(old);
        assertThat(recent).exists();
    }
}
