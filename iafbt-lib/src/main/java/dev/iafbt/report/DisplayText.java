package dev.iafbt.report;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Bundle text as the report shows it. An id, tag, parameter, window name or trade field can be any
 * length the format allows; the report repeats such text in several places (ranking, tear sheet,
 * charts, filters), so a 10 MB parameter once made a 150 MB page. Text over {@link #MAX_CHARS} is
 * shown by its start and its length, and the report lists what was cut.
 */
final class DisplayText {
    /** Longer than any real id or parameter, short enough that even a few thousand rows stay small. */
    static final int MAX_CHARS = 200;

    private DisplayText() {
    }

    /** {@code text} itself, or its first {@link #MAX_CHARS} characters and its length; null reads as "". */
    static String clip(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        // never cut a surrogate pair in half: the page is UTF-8 and half a pair is not a character
        int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return text.substring(0, end) + "… (" + length(text) + ")";
    }

    /** As {@link #clip}, and when it cut, a line for "Skipped &amp; capped" naming where. */
    static String clip(String text, String where, List<String> notes) {
        return clip(text, () -> where, notes);
    }

    /**
     * As {@link #clip(String, String, List)}, naming the place only when the text was cut: a report
     * of 12,500 strategies clips some 100,000 texts (ids, tags, parameters), nearly all short.
     */
    static String clip(String text, Supplier<String> where, List<String> notes) {
        String shown = clip(text);
        if (text != null && shown.length() != text.length()) {
            notes.add(where.get() + " is " + length(text) + " long, shown truncated to its first " + MAX_CHARS);
        }
        return shown;
    }

    private static String length(String text) {
        return String.format(Locale.ROOT, "%,d characters", text.length());
    }
}
