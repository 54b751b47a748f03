package dev.iafbt.testing;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says on the console, not only in the Surefire XML, how many tests were skipped because the
 * reference fixtures are absent and why: a green build without them is right for a fresh clone but
 * must not pass unnoticed. Registered through {@code META-INF/services}, so every module whose test
 * classpath has the iafbt-lib test jar gets it.
 */
public final class FixtureSkipReport implements TestExecutionListener {
    private final Map<String, AtomicInteger> skipsByReason = new ConcurrentHashMap<>();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            result.getThrowable().map(Throwable::getMessage)
                    .filter(message -> message != null && message.startsWith(ReferenceFixtures.SKIP_MESSAGE_START))
                    .ifPresent(reason -> skipsByReason.computeIfAbsent(reason, r -> new AtomicInteger()).incrementAndGet());
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (skipsByReason.isEmpty()) {
            return;
        }
        int total = skipsByReason.values().stream().mapToInt(AtomicInteger::get).sum();
        StringBuilder report = new StringBuilder("[WARNING] ").append(total)
                .append(" fixture test(s) SKIPPED because the reference fixtures are absent")
                .append(" (give -Diafbt.fixtures=DIR; -D").append(ReferenceFixtures.REQUIRED_PROPERTY)
                .append("=true makes them fail, as .ci/run does):");
        new TreeMap<>(skipsByReason).forEach((reason, count) ->
                report.append(System.lineSeparator()).append("[WARNING]   ").append(count).append(" × ").append(reason));
        System.out.println(report);
        skipsByReason.clear();
    }
}
