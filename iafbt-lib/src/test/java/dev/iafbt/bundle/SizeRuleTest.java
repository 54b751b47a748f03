package dev.iafbt.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.model.Backtest;
import dev.iafbt.model.SummaryField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One size rule for writer and reader: what {@code save} writes, {@code open} reads with the
 * default options, and what {@code open} would refuse, {@code save} refuses with a message
 * saying why. A 10 MB algorithm id of repeated text once saved to a 3 KB file that open refused
 * as a decompression bomb.
 */
class SizeRuleTest {
    @TempDir
    Path dir;

    @Test
    void aTenMegabyteRepeatedTextIdIsRefusedBySaveNotWrittenAndUnreadable() {
        Backtest bt = Backtest.builder("ab".repeat(5_000_000)).summary(SummaryField.SHARPE_RATIO, 1.0).build();
        Path file = dir.resolve("repeated.iafbt");

        assertThatThrownBy(() -> bt.save(file)).isInstanceOf(BundleWriteException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("Backtest.open would refuse it")
                .hasMessageContaining("algorithm_id (10,000,000 characters)");
        assertThat(file).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void whatSaveWritesOpenReads() {
        Random random = new Random(3);
        StringBuilder noise = new StringBuilder();
        while (noise.length() < 10_000_000) {
            noise.append((char) ('a' + random.nextInt(26)));
        }
        String[] ids = {"x".repeat(1_000_000), "x".repeat(8_000_000), "xy".repeat(4_300_000),
                noise.toString(), noise.substring(0, 1_000) + "z".repeat(9_000_000)};
        int saved = 0;
        for (int i = 0; i < ids.length; i++) {
            Path file = dir.resolve(i + ".iafbt");
            Backtest bt = Backtest.builder(ids[i]).summary(SummaryField.SHARPE_RATIO, 1.0).build();
            try {
                bt.save(file);
            } catch (BundleWriteException refused) {
                assertThat(refused).hasMessageContaining("Backtest.open would refuse it");
                assertThat(file).doesNotExist();
                continue;
            }
            saved++;
            assertThat(Backtest.open(file).algorithmId()).as("id %d", i).hasSize(ids[i].length());
        }
        assertThat(saved).as("small and incompressible ids are written").isGreaterThanOrEqualTo(2);
    }

    @Test
    void toBytesFollowsTheSameRule() {
        Backtest bt = Backtest.builder("ab".repeat(5_000_000)).build();
        assertThatThrownBy(() -> bt.toBytes(dev.iafbt.model.SaveOptions.DEFAULT))
                .isInstanceOf(BundleWriteException.class).hasMessageContaining("Backtest.open would refuse it");
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }
}
