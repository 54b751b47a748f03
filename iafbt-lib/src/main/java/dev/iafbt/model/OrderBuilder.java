package dev.iafbt.model;

import dev.iafbt.bundle.DocMap;

/** Builds an order map. */
public final class OrderBuilder extends MapBuilder<OrderBuilder> {
    OrderBuilder(Object id) {
        super(DocumentSkeletons.order());
        map.put("id", Values.normalize(id));
    }

    public static OrderBuilder withId(Object id) {
        return new OrderBuilder(id);
    }

    DocMap build() {
        return map;
    }

    @Override
    String kind() {
        return "Order";
    }
}
