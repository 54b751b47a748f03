package dev.iafbt.junit;

import dev.iafbt.check.BundleVerdict;
import dev.iafbt.check.CheckResult;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

/**
 * One invocation of a {@link BacktestGate} method: one bundle (all its checks folded into one
 * result, so its failure lists every violated check) or one gate-wide check. The recorded outcome
 * is replayed just before the method body would run.
 */
final class GateInvocation implements TestTemplateInvocationContext {
    private final String displayName;
    private final List<CheckResult> outcomes;

    private GateInvocation(String displayName, List<CheckResult> outcomes) {
        this.displayName = displayName;
        this.outcomes = outcomes;
    }

    static GateInvocation forBundle(BundleVerdict verdict) {
        return new GateInvocation(verdict.displayName(), verdict.checks());
    }

    static GateInvocation forCheck(CheckResult check) {
        return new GateInvocation(check.name(), List.of(check));
    }

    @Override
    public String getDisplayName(int invocationIndex) {
        return displayName;
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of((BeforeTestExecutionCallback) context -> Outcomes.replay(displayName, outcomes));
    }
}
