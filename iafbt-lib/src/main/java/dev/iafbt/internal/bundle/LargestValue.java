package dev.iafbt.internal.bundle;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The longest text or binary value of a document and where it is, so that an error about a
 * document's size can name what to shorten.
 */
public final class LargestValue {
    private String path = "";
    private long length = -1;
    private boolean text;

    private LargestValue() {
    }

    /** e.g. {@code algorithm_id (10,000,000 characters)}; empty when the document holds no text or bytes. */
    public static String describe(Object document) {
        LargestValue largest = new LargestValue();
        largest.visit(document, "");
        if (largest.length < 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%s (%,d %s)", largest.path.isEmpty() ? "the document" : largest.path,
                largest.length, largest.text ? "characters" : "bytes");
    }

    private void visit(Object value, String at) {
        if (value instanceof String s) {
            offer(at, s.length(), true);
        } else if (value instanceof byte[] b) {
            offer(at, b.length, false);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> visit(v, at.isEmpty() ? String.valueOf(k) : at + "." + k));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                visit(list.get(i), at + "[" + i + "]");
            }
        }
    }

    private void offer(String at, long size, boolean isText) {
        if (size > length) {
            path = at;
            length = size;
            text = isText;
        }
    }
}
