package dev.iafbt.check;

/**
 * Values a metric can hold that are not an ordinary finite number. By default every rule fails on
 * each of them, naming which one it met; a rule lists the ones it tolerates (see docs/check.md,
 * "NaN, infinity and missing metrics").
 */
public enum SpecialValue {
    /** The metric is nil or absent in the bundle (or the bundle has no summary at all). Allowed: the rule passes. */
    MISSING,
    /** The metric is stored as NaN. Allowed: the rule passes. */
    NAN,
    /**
     * The metric is stored as +inf or -inf (e.g. profit_factor without losing trades). Allowed:
     * the value is compared with the bounds as a number, so +inf passes {@code atLeast} and fails
     * {@code atMost}.
     */
    INFINITE
}
