package dev.iafbt.model;

import java.util.List;

/**
 * The first records of a list and how many it holds: what a capped table shows ("showing 100 of
 * 1,382 orders") without decoding the records it does not show.
 */
public record Leading<T>(List<T> first, int total) {
    public Leading {
        first = List.copyOf(first);
    }
}
