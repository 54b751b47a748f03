package dev.iafbt.junit;

import dev.iafbt.check.CheckRun;
import dev.iafbt.check.ProgressMeter;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Backs {@link BacktestGate}: reads the annotations into a {@link BacktestGates}, with the
 * configuration parameters of the test run as defaults, and provides one invocation per bundle
 * plus the gate-wide checks.
 */
class BacktestGateExtension implements TestTemplateInvocationContextProvider {
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getTestMethod(), BacktestGate.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        CheckRun run = new CheckRun(configure(context).settings());
        // a cold round trip of a big sweep takes minutes: a line on the console (which Surefire
        // shows) every few seconds until the last bundle is read
        ProgressMeter progress = ProgressMeter.start("[iafbt] " + context.getDisplayName() + ": checked",
                run.bundleCount(), PROGRESS_INTERVAL, System.out::println);
        Stream<TestTemplateInvocationContext> bundles = run.verdicts().map(verdict -> {
            progress.step();
            return GateInvocation.forBundle(verdict);
        });
        Stream<TestTemplateInvocationContext> closing = Stream.of(run).flatMap(done -> {
            progress.close();
            return done.closingChecks().map(GateInvocation::forCheck);
        });
        return Stream.concat(bundles, closing).onClose(progress::close);
    }

    private static BacktestGates configure(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        Class<?> testClass = context.getRequiredTestClass();
        BacktestGate gate = AnnotationSupport.findAnnotation(method, BacktestGate.class).orElseThrow();
        String where = "@BacktestGate on " + testClass.getSimpleName() + "." + method.getName() + ": ";
        try {
            String[] patterns = Stream.concat(Arrays.stream(gate.value()), Arrays.stream(gate.bundles())).toArray(String[]::new);
            if (patterns.length == 0) {
                throw new IllegalArgumentException("name at least one directory, file or glob of bundles");
            }
            BacktestGates gates = BacktestGates.in(patterns).configuration(context::getConfigurationParameter);
            Optional.ofNullable(gate.roundTrip().asBoolean()).ifPresent(gates::roundTrip);
            Optional.ofNullable(gate.allowEmpty().asBoolean()).ifPresent(gates::allowEmpty);
            if (gate.metricsUpToDate()) {
                gates.metricsUpToDate(gate.metricsTolerance());
            }
            for (Threshold threshold : thresholds(testClass, method)) {
                RuleBuilder rule = threshold.eachRun() ? gates.requireEachRun(threshold.metric()) : gates.require(threshold.metric());
                rule.allowing(threshold.allow()).forFiles(threshold.files()).forTag(threshold.tag())
                        .between(threshold.atLeast(), threshold.atMost());
            }
            if (gate.top() != 0 && !gate.atLeast().isBlank()) {
                throw new IllegalArgumentException("set top or atLeast, not both");
            }
            if (!gate.by().isBlank() && !gate.focus().isBlank()) {
                throw new IllegalArgumentException("set by (a summary metric) or focus (a ranking preset), not both");
            }
            if (gate.top() == 0 && !(gate.by().isBlank() && gate.focus().isBlank())) {
                throw new IllegalArgumentException((gate.focus().isBlank() ? "by" : "focus")
                        + " orders the best top bundles; set top too (e.g. top = 5)");
            }
            if (gate.top() != 0) {
                if (gate.focus().isBlank()) {
                    gates.top(gate.top(), gate.by().isBlank() ? "sharpe_ratio" : gate.by());
                } else {
                    gates.topByFocus(gate.top(), gate.focus());
                }
            }
            if (!gate.atLeast().isBlank()) {
                gates.atLeast(gate.atLeast());
            }
            baseline(testClass, method).ifPresent(b -> gates.baseline(b.file(), b.tolerance(), b.metrics()));
            gates.settings(); // validate now, so a bad option is a configuration error rather than a failed bundle
            return gates;
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(where + e.getMessage(), e);
        }
    }

    /** Class-level thresholds first, then the method's: both apply. */
    private static List<Threshold> thresholds(Class<?> testClass, Method method) {
        List<Threshold> all = new ArrayList<>(AnnotationSupport.findRepeatableAnnotations(testClass, Threshold.class));
        all.addAll(AnnotationSupport.findRepeatableAnnotations(method, Threshold.class));
        return all;
    }

    /** The method's baseline wins over the class's. */
    private static Optional<Baseline> baseline(Class<?> testClass, Method method) {
        return find(method).or(() -> find(testClass));
    }

    private static Optional<Baseline> find(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, Baseline.class);
    }
}
