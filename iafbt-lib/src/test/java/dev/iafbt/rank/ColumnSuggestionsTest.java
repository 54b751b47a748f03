package dev.iafbt.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.index.IndexSchema;
import dev.iafbt.index.SqliteIndex;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnSuggestionsTest {
    private static final List<String> TABLE = IndexSchema.columnNames();

    @TempDir
    Path tmp;

    @Test
    void aShortenedMetricNameSuggestsTheFullOne() {
        assertThat(ColumnSuggestions.closest("sharpe", ColumnSuggestions.userFacing(TABLE))).first()
                .isEqualTo("sharpe_ratio");
        assertThat(ColumnSuggestions.closest("sortino", ColumnSuggestions.userFacing(TABLE)))
                .containsExactly("sortino_ratio");
    }

    @Test
    void aTypoSuggestsTheNearestNames() {
        assertThat(ColumnSuggestions.closest("sharp_ratio", ColumnSuggestions.userFacing(TABLE))).first()
                .isEqualTo("sharpe_ratio");
        assertThat(ColumnSuggestions.closest("summary_max_drawdwn", ColumnSuggestions.userFacing(TABLE))).first()
                .isEqualTo("max_drawdown");
        assertThat(ColumnSuggestions.closest("algorithmid", ColumnSuggestions.userFacing(TABLE)))
                .containsExactly("algorithm_id");
    }

    @Test
    void nothingCloseSuggestsNothing() {
        assertThat(ColumnSuggestions.closest("zzzzqqq", ColumnSuggestions.userFacing(TABLE))).isEmpty();
    }

    @Test
    void onlyUserFacingNamesAreListed() {
        List<String> names = ColumnSuggestions.userFacing(TABLE);
        assertThat(names).contains("sharpe_ratio", "max_drawdown", "number_of_trades", "algorithm_id", "tag", "bundle_path")
                .doesNotContain("bundle_mtime_ns", "bundle_size", "summary_extras_json", "extras_json",
                        "parameters_json", "summary_sharpe_ratio");
    }

    @Test
    void aQueryWithAMisspelledSortColumnSaysWhatWasMeant() {
        try (SqliteIndex index = SqliteIndex.create(tmp.resolve("index.sqlite"))) {
            assertThatThrownBy(() -> IndexQuery.builder().sortBy("sharpe").build().run(index))
                    .isInstanceOf(QueryException.class)
                    .hasMessageStartingWith("unknown sort column 'sharpe'; did you mean sharpe_ratio or ")
                    .hasMessageContaining("Valid names: ")
                    .hasMessageNotContaining("bundle_mtime_ns");
        }
    }
}
