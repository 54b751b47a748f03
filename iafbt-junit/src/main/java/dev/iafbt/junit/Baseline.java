package dev.iafbt.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compares each bundle of a {@link BacktestGate} with a committed baseline file (CSV:
 * {@code algorithm_id,metric,value}). A metric fails when it is worse than its baseline by more
 * than {@link #tolerance()}; {@code -Diafbt.baseline.update=true} rewrites the file instead.
 * Bundles without an entry and entries without a bundle fail too (or are skipped with
 * {@code iafbt.gate.baseline.unmatched=skip}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface Baseline {
    /** The baseline file, relative to the project directory, e.g. {@code src/test/resources/iafbt-baseline.csv}. */
    String file();

    /** Relative slack, 0.05 = 5% of the baseline value; NaN (the default) uses {@code iafbt.gate.baseline.tolerance}, else 0. */
    double tolerance() default Double.NaN;

    /** Metrics to compare; empty (the default) compares the metrics of the gate's summary thresholds. */
    String[] metrics() default {};
}
