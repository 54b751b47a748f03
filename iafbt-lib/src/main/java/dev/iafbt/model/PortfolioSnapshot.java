package dev.iafbt.model;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.DocMap;
import java.time.Instant;
import java.util.Map;

/** A point of the portfolio's history. */
public final class PortfolioSnapshot extends DocView {
    PortfolioSnapshot(Bundle bundle, DocMap map, String path) {
        super(bundle, map, path);
    }

    /** Null when {@code created_at} is {@code ""} or missing (the reference drops such snapshots). */
    public Instant createdAt() {
        return instant("created_at");
    }

    public double totalValue() {
        return doubleOrNaN("total_value");
    }

    public double unallocated() {
        return doubleOrNaN("unallocated");
    }

    public double totalNetGain() {
        return doubleOrNaN("total_net_gain");
    }

    public double cashFlow() {
        return doubleOrNaN("cash_flow");
    }

    /** A string in both engines ({@code "1"}, {@code "BITVAVO"}). */
    public String portfolioId() {
        return string("portfolio_id");
    }

    public String tradingSymbol() {
        return string("trading_symbol");
    }

    public Map<String, Object> metadata() {
        return metadataMap("metadata");
    }
}
