package dev.iafbt.junit;

import dev.iafbt.check.CheckRun;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
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

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getTestMethod(), BacktestGate.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        CheckRun run = new CheckRun(configure(context).settings());
        return Stream.concat(run.verdicts().map(GateInvocation::forBundle), run.closingChecks().map(GateInvocation::forCheck));
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
                rule.allowing(threshold.allow()).between(threshold.atLeast(), threshold.atMost());
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
