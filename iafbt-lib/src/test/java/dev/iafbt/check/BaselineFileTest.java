package dev.iafbt.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineFileTest {
    @TempDir
    Path dir;

    @Test
    void writesSortedExactRowsAndReadsThemBack() {
        Map<String, Double> odd = new TreeMap<>();
        odd.put("sharpe_ratio", Double.NaN);
        odd.put("profit_factor", Double.POSITIVE_INFINITY);
        odd.put("sortino_ratio", null);
        Map<String, Map<String, Double>> entries = Map.of("b,quoted \"id\"", odd,
                "a", Map.of("sharpe_ratio", 0.1 + 0.2, "number_of_trades", 40.0));
        Path file = dir.resolve("sub/baseline.csv");

        BaselineFile.write(file, entries);

        assertThat(BaselineFile.read(file)).isEqualTo(entries);
        assertThat(file).content().contains("a,number_of_trades,40\na,sharpe_ratio,0.30000000000000004\n"
                + "\"b,quoted \"\"id\"\"\",profit_factor,Infinity\n\"b,quoted \"\"id\"\"\",sharpe_ratio,NaN\n"
                + "\"b,quoted \"\"id\"\"\",sortino_ratio,\n");
    }

    @Test
    void aMissingFileIsAnEmptyBaselineAndABadRowNamesItsLine() throws IOException {
        assertThat(BaselineFile.read(dir.resolve("none.csv"))).isEmpty();
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, BaselineFile.HEADER + "\nalgo,sharpe_ratio,high\n");
        assertThatThrownBy(() -> BaselineFile.read(file)).hasMessageContaining("bad.csv:2: 'high' is not a number");
    }
}
