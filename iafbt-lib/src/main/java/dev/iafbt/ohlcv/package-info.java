/**
 * OHLCV data beside bundles: {@link dev.iafbt.ohlcv.OhlcvFrame} and its Parquet
 * codec, the content-addressed {@link dev.iafbt.ohlcv.OhlcvStore} of {@code <sha256>.parquet}
 * chunks, a bundle's validated {@link dev.iafbt.ohlcv.OhlcvManifest}, the lazy per-bundle
 * {@link dev.iafbt.ohlcv.OhlcvFrames}, and the sweep half of a mark-and-sweep clean-up
 * ({@link dev.iafbt.ohlcv.OhlcvGc}). Every failure is an {@link dev.iafbt.ohlcv.OhlcvException}
 * naming the file, entry or bundle.
 */
package dev.iafbt.ohlcv;
