package dev.iafbt.bench;

import dev.iafbt.index.IndexRow;
import dev.iafbt.model.SummaryField;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Index rows of a random sweep: every summary metric seeded-random (about 5% NULL) so every preset
 * metric has a real range; ±inf (0.1%) only in the ratios that divide by a quantity that can be
 * zero, unless {@code infEverywhere}.
 */
final class SyntheticRows {
    private static final Set<SummaryField> CAN_BE_INFINITE = EnumSet.of(SummaryField.PROFIT_FACTOR,
            SummaryField.CALMAR_RATIO, SummaryField.SORTINO_RATIO, SummaryField.WIN_LOSS_RATIO);

    private SyntheticRows() {
    }

    static IndexRow random(SplittableRandom random, int i, boolean infEverywhere) {
        String id = String.format(Locale.ROOT, "algo_%07d", i);
        IndexRow.Builder b = IndexRow.builder().bundlePath("sweep/" + id + ".iafbt").algorithmId(id)
                .tag(i % 2 == 0 ? "even" : "odd");
        for (SummaryField f : SummaryField.values()) {
            double p = random.nextDouble();
            if (p < 0.05) {
                continue; // NULL
            }
            if (f.isInteger()) {
                b.summary(f, (long) random.nextInt(500));
            } else if (p > 0.999 && (infEverywhere || CAN_BE_INFINITE.contains(f))) {
                b.summary(f, random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
            } else {
                b.summary(f, random.nextDouble(-2.0, 4.0));
            }
        }
        return b.build();
    }
}
