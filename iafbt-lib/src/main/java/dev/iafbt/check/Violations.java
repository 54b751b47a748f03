package dev.iafbt.check;

import java.util.List;

/** The one layout every multi-violation message uses: a heading naming the bundle, then one indented line per violation. */
final class Violations {
    private Violations() {
    }

    static String message(String prefix, String heading, List<String> violations, String hint) {
        StringBuilder text = new StringBuilder(prefix).append(heading).append(':');
        violations.forEach(line -> text.append("\n    ").append(line));
        if (hint != null) {
            text.append("\n  (").append(hint).append(')');
        }
        return text.toString();
    }
}
