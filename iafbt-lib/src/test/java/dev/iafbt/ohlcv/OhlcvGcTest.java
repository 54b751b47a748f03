package dev.iafbt.ohlcv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OhlcvGcTest {
    @TempDir
    Path temp;

    @Test
    void planIsADryRunAndSweepDeletesOnlyOrphans() {
        OhlcvStore store = new OhlcvStore(temp);
        OhlcvFrame frame = OhlcvFrameCodecTest.sampleFrame(TimeUnit.MILLISECONDS);
        String kept = store.put(frame, false);
        String orphan = store.put(frame, true);

        List<String> plan = OhlcvGc.plan(temp, Set.of(kept));

        assertThat(plan).containsExactly(orphan);
        assertThat(store.list()).containsExactlyInAnyOrder(kept, orphan);
        assertThat(OhlcvGc.sweep(temp, plan)).containsExactly(orphan);
        assertThat(store.list()).containsExactly(kept);
        assertThat(OhlcvGc.sweep(temp, plan)).isEmpty();
    }
}
