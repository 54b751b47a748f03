package dev.iafbt.bundle;

import java.util.ArrayList;
import java.util.Collection;

/** A msgpack array of the document tree; elements are the value kinds listed on {@link DocMap}. */
public final class DocList extends ArrayList<Object> {
    private static final long serialVersionUID = 1L;

    public DocList() {
        super();
    }

    public DocList(int expectedSize) {
        super(expectedSize);
    }

    public DocList(Collection<?> source) {
        super(source);
    }

    public static DocList of(Object... values) {
        DocList list = new DocList(values.length);
        for (Object value : values) {
            list.add(value);
        }
        return list;
    }
}
