package dev.iafbt.check;

import dev.iafbt.index.IndexRow;
import dev.iafbt.model.SummaryField;
import java.util.List;
import java.util.Map;

/** Two small sweeps with one known regression, shared by the diff's unit and browser tests. */
public final class SweepDiffSamples {
    private SweepDiffSamples() {
    }

    public static IndexRow row(String id, double sharpe, double drawdown) {
        return IndexRow.builder().bundlePath(id + ".iafbt").algorithmId(id)
                .summary(SummaryField.SHARPE_RATIO, sharpe).summary(SummaryField.MAX_DRAWDOWN, drawdown).build();
    }

    /** base: a 1.5, b 1.2, c 0.9, gone 0.5; head: a 1.45, b 0.8 (regressed, drawdown 0.1 -> 0.18), c 1.3, fresh 1.0. */
    public static SweepDiff knownRegression(Map<SummaryField, Double> limits) {
        List<IndexRow> base = List.of(row("a", 1.5, 0.1), row("b", 1.2, 0.1), row("c", 0.9, 0.2), row("gone", 0.5, 0.1));
        List<IndexRow> head = List.of(row("a", 1.45, 0.1), row("b", 0.8, 0.18), row("c", 1.3, 0.2), row("fresh", 1.0, 0.1));
        return SweepDiff.of(base, head, SummaryField.SHARPE_RATIO, List.of(SummaryField.MAX_DRAWDOWN), limits);
    }
}
