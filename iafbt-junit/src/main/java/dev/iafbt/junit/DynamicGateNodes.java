package dev.iafbt.junit;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.iafbt.check.CheckRun;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * The {@code @TestFactory} shape of a gate: one container per bundle, named
 * {@code <file> (<algorithm_id>)} and linked to the file (IDEs open it on click), holding one test
 * per kind of check, named {@code <check>: <file> (<algorithm_id>)} because Surefire's XML report
 * flattens the tree to leaf names; then the gate-wide checks (nothing matched, the baseline file,
 * orphaned baseline entries, the baseline rewrite).
 */
final class DynamicGateNodes {
    private DynamicGateNodes() {
    }

    static Stream<DynamicNode> of(CheckRun run) {
        Stream<DynamicNode> bundles = run.verdicts().map(verdict -> {
            URI source = verdict.file().toUri();
            return dynamicContainer(verdict.displayName(), source, verdict.checks().stream().map(check ->
                    dynamicTest(check.name() + ": " + verdict.displayName(), source, () -> Outcomes.replay(check))));
        });
        Stream<DynamicNode> closing = run.closingChecks().map(check -> dynamicTest(check.name(), () -> Outcomes.replay(check)));
        return Stream.concat(bundles, closing);
    }
}
