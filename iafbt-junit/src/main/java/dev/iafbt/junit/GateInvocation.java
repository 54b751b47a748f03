package dev.iafbt.junit;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.opentest4j.AssertionFailedError;

/**
 * One invocation of a {@link BacktestGate} method: one bundle (all its checks folded into one
 * result, so its failure lists every violated check) or one gate-wide check. The recorded outcome
 * is replayed just before the method body would run.
 */
final class GateInvocation implements TestTemplateInvocationContext {
    private final String displayName;
    private final List<CheckOutcome> outcomes;

    private GateInvocation(String displayName, List<CheckOutcome> outcomes) {
        this.displayName = displayName;
        this.outcomes = outcomes;
    }

    static GateInvocation forBundle(BundleVerdict verdict) {
        return new GateInvocation(verdict.displayName(), verdict.checks());
    }

    static GateInvocation forCheck(CheckOutcome check) {
        return new GateInvocation(check.name(), List.of(check));
    }

    @Override
    public String getDisplayName(int invocationIndex) {
        return displayName;
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of((BeforeTestExecutionCallback) context -> replay());
    }

    /** Failures win over skips; several failures become one error that keeps all their messages. */
    private void replay() {
        List<CheckOutcome> failures = outcomes.stream().filter(CheckOutcome::isFailure).toList();
        if (failures.size() == 1) {
            failures.get(0).replay();
        }
        if (failures.size() > 1) {
            throw new AssertionFailedError(displayName + ": " + failures.size() + " checks failed ("
                    + failures.stream().map(CheckOutcome::name).collect(Collectors.joining(", ")) + ")\n"
                    + failures.stream().map(f -> f.failure().getMessage()).collect(Collectors.joining("\n")));
        }
        for (CheckOutcome outcome : outcomes) {
            outcome.replay();
        }
    }
}
