/**
 * The reference's backtest metric suite (investing-algorithm-framework v8.10.0) in Java: every
 * per-run field, the eight series and the summary over runs, computed from plain inputs
 * ({@link dev.iafbt.metrics.RunInput}) so that the model can use it to recompute a bundle and the
 * report can use it for its derived figures. Pure computation: no I/O, no bundle types, no
 * logging. Parity with the reference (numpy's pairwise sums, pandas' resample and rolling
 * kernels, the reference's quirks kept in the reference's fields) is described in
 * {@code docs/metrics.md}.
 */
package dev.iafbt.metrics;
