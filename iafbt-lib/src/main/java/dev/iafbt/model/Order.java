package dev.iafbt.model;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.DocMap;
import java.time.Instant;

/** An order. */
public final class Order extends DocView {
    Order(Bundle bundle, DocMap map, String path) {
        super(bundle, map, path);
    }

    /** An int, a UUID string or nil, as a string. */
    public String id() {
        return string("id");
    }

    public String targetSymbol() {
        return string("target_symbol");
    }

    public String orderSide() {
        return string("order_side");
    }

    public String orderType() {
        return string("order_type");
    }

    public String status() {
        return string("status");
    }

    public Double price() {
        return doubleOrNull("price");
    }

    public double amount() {
        return doubleOrNaN("amount");
    }

    public Instant createdAt() {
        return instant("created_at");
    }
}
