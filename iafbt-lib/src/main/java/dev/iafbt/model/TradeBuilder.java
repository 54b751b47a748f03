package dev.iafbt.model;

import dev.iafbt.bundle.DocList;
import dev.iafbt.bundle.DocMap;

/** Builds a trade map with its orders. */
public final class TradeBuilder extends MapBuilder<TradeBuilder> {
    TradeBuilder(Object id) {
        super(DocumentSkeletons.trade());
        map.put("id", Values.normalize(id));
    }

    public static TradeBuilder withId(Object id) {
        return new TradeBuilder(id);
    }

    public TradeBuilder order(OrderBuilder order) {
        ((DocList) map.get("orders")).add(order.build());
        return this;
    }

    DocMap build() {
        return map;
    }

    @Override
    String kind() {
        return "Trade";
    }
}
