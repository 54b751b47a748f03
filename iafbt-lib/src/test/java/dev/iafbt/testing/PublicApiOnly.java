package dev.iafbt.testing;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.Set;

/**
 * The ArchUnit rule the modules on top of the library (the Maven plugin, iafbt-junit) hold
 * themselves to: they use the public API only, never {@code dev.iafbt.internal..}. A dependency
 * that is still needed is named in {@code known} as {@code "origin -> target"} (top-level class
 * names) with the reason beside it in the caller, so every exception is on the record and a new
 * one fails the build.
 */
public final class PublicApiOnly {
    private static final String INTERNAL = "dev.iafbt.internal.";

    private PublicApiOnly() {
    }

    /** @param known {@code "dev.iafbt.maven.RankOutput -> dev.iafbt.internal.io.AtomicFiles"}, … */
    public static ArchRule rule(String modulePackage, Set<String> known) {
        return ArchRuleDefinition.classes().that().resideInAPackage(modulePackage + "..")
                .should(new ArchCondition<JavaClass>("use only the public API of iafbt-lib (not " + INTERNAL + "*)") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            String target = topLevel(dependency.getTargetClass().getName());
                            if (target.startsWith(INTERNAL)
                                    && !known.contains(topLevel(origin.getName()) + " -> " + target)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                });
    }

    private static String topLevel(String className) {
        int nested = className.indexOf('$');
        return nested < 0 ? className : className.substring(0, nested);
    }
}
