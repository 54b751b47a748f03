package dev.iafbt.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The summary's consistency and stability scores: coefficient-of-variation and normalised-std
 * scores of the runs' returns, win rates and Sharpe ratios, and their weighted composites. None
 * under two runs. The stability scales (100 and 50) assume percent inputs while the data is
 * decimal (the reference's quirk 4), so those two scores sit near 1; kept for parity.
 */
final class ConsistencyScores {
    private static final double[] COMPONENT_WEIGHTS = {0.35, 0.25, 0.20};
    private static final double PROFITABLE_WEIGHT = 0.20;

    private ConsistencyScores() {
    }

    static void putInto(Map<String, Object> s, List<RunMetrics> runs) {
        if (runs.size() < 2) {
            return;
        }
        List<Double> returns = new ArrayList<>();
        List<Double> winRates = new ArrayList<>();
        List<Double> sharpes = new ArrayList<>();
        for (RunMetrics r : runs) {
            if (r.get("total_net_gain_percentage") instanceof Number n) {
                returns.add(n.doubleValue());
            }
            if (r.number("number_of_trades_closed") > 0) {
                winRates.add(r.number("win_rate"));
            }
            double sharpe = r.number("sharpe_ratio");
            if (Double.isFinite(sharpe)) {
                sharpes.add(sharpe);
            }
        }
        Double[] consistency = {cv(returns), cv(winRates), cv(sharpes)};
        Double[] stability = {ns(returns, 100), ns(winRates, 50), ns(sharpes, 2)};
        double profitableShare = ((Number) s.get("number_of_profitable_windows")).doubleValue() / runs.size();
        s.put("return_consistency", consistency[0]);
        s.put("win_rate_consistency", consistency[1]);
        s.put("sharpe_consistency", consistency[2]);
        s.put("consistency_score", composite(consistency, profitableShare));
        s.put("return_stability", stability[0]);
        s.put("win_rate_stability", stability[1]);
        s.put("sharpe_stability", stability[2]);
        s.put("stability_score", composite(stability, profitableShare));
    }

    private static double composite(Double[] components, double profitableShare) {
        double score = 0;
        double weights = 0;
        for (int i = 0; i < components.length; i++) {
            if (components[i] != null) {
                score += COMPONENT_WEIGHTS[i] * components[i];
                weights += COMPONENT_WEIGHTS[i];
            }
        }
        score += PROFITABLE_WEIGHT * profitableShare;
        weights += PROFITABLE_WEIGHT;
        return score / weights;
    }

    private static Double cv(List<Double> x) {
        if (x.size() < 2) {
            return null;
        }
        double mean = mean(x);
        if (Math.abs(mean) < 1e-9) {
            return 0.0;
        }
        return clamp01(1 - std(x, mean) / Math.abs(mean));
    }

    private static Double ns(List<Double> x, double scale) {
        if (x.size() < 2) {
            return null;
        }
        return clamp01(1 - std(x, mean(x)) / scale);
    }

    private static double mean(List<Double> x) {
        double total = 0;
        for (double v : x) {
            total += v;
        }
        return total / x.size();
    }

    private static double std(List<Double> x, double mean) {
        double total = 0;
        for (double v : x) {
            total += (v - mean) * (v - mean);
        }
        return Math.sqrt(total / (x.size() - 1));
    }

    private static double clamp01(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }
}
