package dev.iafbt.rank;

import dev.iafbt.model.SummaryField;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Custom ranking weights: parsing the {@code metric=weight,...} form used on command lines and in
 * configuration, and merging onto a preset as the reference's {@code create_weights} does
 * ({@code {**preset, **custom}}): custom weights override or extend the
 * preset, they do not replace it.
 */
public final class RankWeights {
    private RankWeights() {
    }

    /**
     * Parses {@code sharpe_ratio=2,max_drawdown=-1} into an ordered map. Blank input gives an empty
     * map; a part without {@code =}, a non-number or a non-finite weight is refused.
     */
    public static Map<String, Double> parse(String spec) {
        Map<String, Double> weights = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return weights;
        }
        for (String part : spec.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            String metric = eq < 0 ? "" : part.substring(0, eq).strip();
            if (eq < 0 || metric.isEmpty()) {
                throw invalid(spec, part, "expected metric=weight");
            }
            double weight;
            try {
                weight = Double.parseDouble(part.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                throw invalid(spec, part, "the weight is not a number");
            }
            if (!Double.isFinite(weight)) {
                throw invalid(spec, part, "the weight must be finite");
            }
            weights.put(metric, weight);
        }
        return weights;
    }

    /** {@code {**preset, **custom}}: preset order first, new custom metrics appended. */
    public static Map<String, Double> merge(EvaluationFocus preset, Map<String, Double> custom) {
        Map<String, Double> merged = new LinkedHashMap<>((preset == null ? EvaluationFocus.BALANCED : preset).weights());
        if (custom != null) {
            custom.forEach((metric, weight) -> merged.put(bareName(metric), weight));
        }
        return merged;
    }

    /** {@code summary_sharpe_ratio} and {@code sharpe_ratio} are one metric, so they merge as one. */
    static String bareName(String metric) {
        return SummaryField.byKey(metric).map(f -> f.key()).orElse(metric);
    }

    private static QueryException invalid(String spec, String part, String problem) {
        return new QueryException("invalid weights \"" + spec + "\" at '" + part.strip() + "': " + problem
                + "; write them as metric=weight pairs separated by commas, e.g. sharpe_ratio=2,max_drawdown=-1");
    }
}
