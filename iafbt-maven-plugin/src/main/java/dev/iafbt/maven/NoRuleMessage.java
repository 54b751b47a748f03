package dev.iafbt.maven;

import java.util.List;

/** Why a {@code check} with nothing to check fails, and where its rules belong. */
final class NoRuleMessage {
    private NoRuleMessage() {
    }

    static String of(boolean roundTrip, List<String> executionsWithRules) {
        StringBuilder message = new StringBuilder("iafbt:check has no rule to check: this run sees no <rules>, no <baseline> and no <metricsUpToDate>,"
                + " and a check with nothing to check is not a pass.");
        if (!executionsWithRules.isEmpty()) {
            message.append(" The POM declares them inside <execution> ").append(String.join(", ", executionsWithRules))
                    .append(", which only that execution sees (mvn verify), not mvn iafbt:check on the command line.");
        }
        message.append(" Put <rules> (and <baseline>) in the plugin's own <configuration>, outside <executions>,"
                + " so both mvn verify and mvn iafbt:check see them.");
        if (roundTrip) {
            message.append(" To check only the byte-identical round trip, set -Diafbt.roundTripOnly=true.");
        }
        return message.toString();
    }
}
