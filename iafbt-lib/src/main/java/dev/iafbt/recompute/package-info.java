/**
 * Recomputing stored metrics with {@code dev.iafbt.metrics}: the audit that tells a bundle whose
 * stored metrics disagree with a fresh computation ({@link dev.iafbt.recompute.MetricsAudit}, used by
 * the {@code metricsUpToDate} check rule, the index and the report), and the folder-wide recompute
 * behind {@code iafbt:recompute} ({@link dev.iafbt.recompute.FolderRecompute}).
 */
package dev.iafbt.recompute;
