package dev.iafbt.model;

/**
 * Which engine produced a backtest, and so which envelope slots hold its runs and summary
 *: {@code "vector"} and {@code "event"} have their own slots; anything else,
 * including nil and unknown strings, uses {@code backtest_runs}/{@code backtest_summary}.
 */
public enum EngineType {
    VECTOR("vector", "vector_runs", "vector_metrics"),
    EVENT("event", "event_runs", "event_metrics"),
    NONE(null, "backtest_runs", "backtest_summary");

    private final String value;
    private final String runsKey;
    private final String summaryKey;

    EngineType(String value, String runsKey, String summaryKey) {
        this.value = value;
        this.runsKey = runsKey;
        this.summaryKey = summaryKey;
    }

    /** Routes a stored {@code engine_type} value as the reference does: unknown strings → NONE. */
    public static EngineType route(Object stored) {
        if ("vector".equals(stored)) {
            return VECTOR;
        }
        if ("event".equals(stored)) {
            return EVENT;
        }
        return NONE;
    }

    /** The string stored in a bundle, or null for NONE. */
    public String value() {
        return value;
    }

    public String runsKey() {
        return runsKey;
    }

    public String summaryKey() {
        return summaryKey;
    }
}
