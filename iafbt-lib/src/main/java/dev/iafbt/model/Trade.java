package dev.iafbt.model;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.DocMap;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A trade with its orders. */
public final class Trade extends DocView {
    Trade(Bundle bundle, DocMap map, String path) {
        super(bundle, map, path);
    }

    /** An int (event engine) or a UUID string (vector engine), as a string; null when nil. */
    public String id() {
        return string("id");
    }

    public String targetSymbol() {
        return string("target_symbol");
    }

    public String tradingSymbol() {
        return string("trading_symbol");
    }

    public String status() {
        return string("status");
    }

    public double amount() {
        return doubleOrNaN("amount");
    }

    public double openPrice() {
        return doubleOrNaN("open_price");
    }

    public double netGain() {
        return doubleOrNaN("net_gain");
    }

    public double cost() {
        return doubleOrNaN("cost");
    }

    public Instant openedAt() {
        return instant("opened_at");
    }

    public Instant closedAt() {
        return instant("closed_at");
    }

    public List<Order> orders() {
        return mapsIn("orders", Order::new);
    }

    public Map<String, Object> metadata() {
        return metadataMap("metadata");
    }
}
