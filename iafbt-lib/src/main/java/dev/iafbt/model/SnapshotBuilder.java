package dev.iafbt.model;

import dev.iafbt.bundle.DocMap;
import dev.iafbt.internal.bundle.IsoDateTimes;
import java.time.Instant;

/** Builds a portfolio snapshot map. */
public final class SnapshotBuilder extends MapBuilder<SnapshotBuilder> {
    SnapshotBuilder(Instant createdAt, double totalValue) {
        super(DocumentSkeletons.snapshot());
        map.put("created_at", IsoDateTimes.formatUtc(createdAt));
        map.put("total_value", totalValue);
    }

    public static SnapshotBuilder at(Instant createdAt, double totalValue) {
        return new SnapshotBuilder(createdAt, totalValue);
    }

    DocMap build() {
        return map;
    }

    @Override
    String kind() {
        return "PortfolioSnapshot";
    }
}
