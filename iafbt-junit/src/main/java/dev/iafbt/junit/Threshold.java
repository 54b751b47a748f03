package dev.iafbt.junit;

import dev.iafbt.check.SpecialValue;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A metric threshold of a {@link BacktestGate}: set {@code atLeast}, {@code atMost}, or both for
 * "between" (bounds are inclusive). On the gate method or on its class (then it applies to every
 * gate method of the class).
 *
 * <pre>{@code
 * @Threshold(metric = "sharpe_ratio", atLeast = 1.0)
 * @Threshold(metric = "max_drawdown", atMost = 0.25)
 * @Threshold(metric = "profit_factor", atLeast = 1.5, allow = SpecialValue.INFINITE)
 * @Threshold(metric = "sharpe_ratio", atLeast = 0.3, eachRun = true)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(Thresholds.class)
public @interface Threshold {
    /** One of the 55 summary metrics by key ({@code sharpe_ratio}), or a run metric key with {@link #eachRun()}. */
    String metric();

    /** Inclusive lower bound; NaN (the default) means none. */
    double atLeast() default Double.NaN;

    /** Inclusive upper bound; NaN (the default) means none. */
    double atMost() default Double.NaN;

    /** Check the metric of every run instead of the summary. */
    boolean eachRun() default false;

    /** Special values that do not fail this rule (by default missing, NaN and ±inf all fail). */
    SpecialValue[] allow() default {};

    /** Only bundles whose path (relative to the project) matches this glob, e.g. {@code backtests/momentum/**}; empty for all. */
    String files() default "";

    /** Only bundles with this tag; empty for all. */
    String tag() default "";
}
