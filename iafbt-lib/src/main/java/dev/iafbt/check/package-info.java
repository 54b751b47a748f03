/**
 * Quality checks over stored backtests, shared by the JUnit gates ({@code iafbt-junit}) and the
 * {@code iafbt:check} goal: threshold rules on summary and run metrics ({@link dev.iafbt.check.MetricRule},
 * with {@link dev.iafbt.check.SpecialValue}s a rule may allow), a committed baseline file
 * ({@link dev.iafbt.check.BaselineFile}), and the byte-identical round trip
 * ({@link dev.iafbt.check.RoundTripCheck}, remembered by content in {@link dev.iafbt.check.RoundTripCache}).
 * {@link dev.iafbt.check.CheckRun} executes one {@link dev.iafbt.check.CheckSettings} and returns
 * plain results; it never logs, prints or throws for a violated rule.
 */
package dev.iafbt.check;
