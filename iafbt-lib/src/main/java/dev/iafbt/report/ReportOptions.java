package dev.iafbt.report;

import dev.iafbt.rank.EvaluationFocus;

/**
 * How a report is built. Defaults: 25 detailed strategies, ordered by the BALANCED focus score,
 * 400 chart points per curve, 100 trade and order rows per strategy (500 of each made an
 * 11-window tear sheet 340 KB, three quarters of it these two tables), a 365-day rolling Sharpe
 * (the reference's window, so the chart agrees with the bundle's {@code rolling_sharpe_ratio}), a
 * 10 MB size budget, no timestamp (so the same bundles give the same bytes), no metrics audit.
 *
 * @param by order by this metric or index column instead of a focus score (null: use focus)
 * @param generated text shown as the generation time; null or blank shows none
 * @param where     a SQL condition on the index columns, as {@code iafbt:rank}'s; null or blank: every strategy
 * @param auditMetrics recompute each tear sheet's metrics to flag a bundle whose stored metrics are stale
 *                  (about half of a warm report's time); without it only a flag an index has recorded
 *                  ({@code iafbt:index -Diafbt.audit=true}) is shown, and the notes say how many sheets went unaudited
 */
public record ReportOptions(String title, int topK, EvaluationFocus focus, String by, boolean ascending, long sizeBudget,
        int maxPoints, int maxTableRows, int rollingWindowDays, String generated, String where, boolean auditMetrics) {

    public static final long DEFAULT_SIZE_BUDGET = 10L * 1024 * 1024;
    public static final int DEFAULT_MAX_TABLE_ROWS = 100;

    public static ReportOptions defaults() {
        return new ReportOptions("Backtest report", 25, EvaluationFocus.BALANCED, null, false, DEFAULT_SIZE_BUDGET, 400, DEFAULT_MAX_TABLE_ROWS,
                365, null, null, false);
    }

    public ReportOptions {
        if (topK < 0) {
            throw new ReportException("topK must be 0 or more, but is " + topK);
        }
        if (sizeBudget <= 0) {
            throw new ReportException("sizeBudget must be positive, but is " + sizeBudget);
        }
        if (maxPoints < 3 || maxTableRows < 0 || rollingWindowDays < 2) {
            throw new ReportException("maxPoints must be ≥ 3, maxTableRows ≥ 0 and rollingWindowDays ≥ 2");
        }
        focus = focus == null ? EvaluationFocus.BALANCED : focus;
        title = title == null || title.isBlank() ? "Backtest report" : title;
    }

    public ReportOptions withTitle(String value) {
        return new ReportOptions(value, topK, focus, by, ascending, sizeBudget, maxPoints, maxTableRows, rollingWindowDays, generated, where, auditMetrics);
    }

    public ReportOptions withTopK(int value) {
        return new ReportOptions(title, value, focus, by, ascending, sizeBudget, maxPoints, maxTableRows, rollingWindowDays, generated, where, auditMetrics);
    }

    public ReportOptions withOrder(EvaluationFocus f, String metric, boolean asc) {
        return new ReportOptions(title, topK, f, metric, asc, sizeBudget, maxPoints, maxTableRows, rollingWindowDays, generated, where, auditMetrics);
    }

    public ReportOptions withSizeBudget(long value) {
        return new ReportOptions(title, topK, focus, by, ascending, value, maxPoints, maxTableRows, rollingWindowDays, generated, where, auditMetrics);
    }

    public ReportOptions withLimits(int points, int tableRows) {
        return new ReportOptions(title, topK, focus, by, ascending, sizeBudget, points, tableRows, rollingWindowDays, generated, where, auditMetrics);
    }

    public ReportOptions withGenerated(String value) {
        return new ReportOptions(title, topK, focus, by, ascending, sizeBudget, maxPoints, maxTableRows, rollingWindowDays, value, where, auditMetrics);
    }

    public ReportOptions withWhere(String value) {
        return new ReportOptions(title, topK, focus, by, ascending, sizeBudget, maxPoints, maxTableRows, rollingWindowDays, generated, value, auditMetrics);
    }

    public ReportOptions withAuditMetrics(boolean value) {
        return new ReportOptions(title, topK, focus, by, ascending, sizeBudget, maxPoints, maxTableRows, rollingWindowDays, generated, where, value);
    }
}
