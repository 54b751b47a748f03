package dev.iafbt.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Turns a method into a regression gate over stored backtests: one test per bundle, named
 * {@code <file> (<algorithm_id>)}, failing with every violated {@link Threshold}, {@link Baseline}
 * regression and round-trip difference of that bundle. The method body runs after the checks of
 * a bundle pass and is usually empty.
 *
 * <pre>{@code
 * class MomentumGateTest {
 *     @BacktestGate("backtests/momentum")
 *     @Threshold(metric = "sharpe_ratio", atLeast = 1.0)
 *     @Threshold(metric = "max_drawdown", atMost = 0.25)
 *     @Baseline(file = "src/test/resources/iafbt-baseline.csv", tolerance = 0.05)
 *     void momentum() {
 *     }
 * }
 * }</pre>
 *
 * Also usable as a meta-annotation, to give a house gate its own name. For rules built in code,
 * use {@link BacktestGates} from a {@code @TestFactory}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@ExtendWith(BacktestGateExtension.class)
public @interface BacktestGate {
    /** Directories, files or globs (e.g. {@code backtests/**}{@code /*.iafbt}), relative to the project directory. */
    String[] value() default {};

    /** Same as {@link #value()}, for those who prefer to name it; both are combined. */
    String[] bundles() default {};

    /** Byte-identical re-encode check; DEFAULT uses {@code iafbt.gate.roundTrip}, else ON. */
    Toggle roundTrip() default Toggle.DEFAULT;

    /**
     * The {@code metricsUpToDate} rule: recompute each bundle's metrics and fail on stored values
     * that differ from them (stale metrics from older framework versions, hand edits).
     */
    boolean metricsUpToDate() default false;

    /** Relative tolerance of {@link #metricsUpToDate()} (absolute for values below 1). */
    double metricsTolerance() default 1e-9;

    /** Pass (as skipped) when nothing matches; DEFAULT uses {@code iafbt.gate.allowEmpty}, else OFF. */
    Toggle allowEmpty() default Toggle.DEFAULT;

    /**
     * Gate for sweeps: only the best {@code top} bundles by {@link #by()} (or {@link #focus()}) must
     * pass; 0 (default) for every bundle.
     */
    int top() default 0;

    /**
     * The summary metric {@link #top()} orders by, in its own direction (lower is better for
     * drawdowns); {@code sharpe_ratio} when neither this nor {@link #focus()} is set.
     */
    String by() default "";

    /**
     * The focus preset {@link #top()} orders by instead of a metric ({@code balanced},
     * {@code profit}, {@code frequency}, {@code risk_adjusted}): the order {@code iafbt:rank} gives.
     */
    String focus() default "";

    /** Gate for sweeps: at least this count ({@code "40"}) or share ({@code "80%"}) of the bundles must pass; empty for every bundle. */
    String atLeast() default "";
}
