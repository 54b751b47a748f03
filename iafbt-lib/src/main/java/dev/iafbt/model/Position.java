package dev.iafbt.model;

import dev.iafbt.bundle.Bundle;
import dev.iafbt.bundle.DocMap;

/** A position at the end of a run. */
public final class Position extends DocView {
    Position(Bundle bundle, DocMap map, String path) {
        super(bundle, map, path);
    }

    public String symbol() {
        return string("symbol");
    }

    public double amount() {
        return doubleOrNaN("amount");
    }

    public double cost() {
        return doubleOrNaN("cost");
    }
}
