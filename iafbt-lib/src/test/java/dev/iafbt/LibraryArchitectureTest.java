package dev.iafbt;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The package rules of the library (docs/api.md): capabilities depend one way,
 * {@code bundle ← model ← (index, ohlcv) ← (rank, store, report)}, with no cycles; an
 * {@code internal.X} package counts as part of capability X; the low-level internals (Parquet,
 * JSON, atomic files, chunk names) depend on no capability; no public member of the API names an
 * internal type; and nothing in the library knows Maven or JUnit.
 */
@AnalyzeClasses(packages = "dev.iafbt", importOptions = ImportOption.DoNotIncludeTests.class)
class LibraryArchitectureTest {
    private static final String[] ABOVE_METRICS = {"Model", "Index", "Ohlcv", "Rank", "Store", "Report", "Check", "Recompute"};
    private static final String[] ABOVE_BUNDLE = {"Model", "Index", "Ohlcv", "Rank", "Store", "Report", "Check", "Recompute"};

    @ArchTest
    static final ArchRule capabilitiesAreFreeOfCycles = slices().assignedFrom(new Capabilities())
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule capabilitiesDependOneWay = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("Base").definedBy("dev.iafbt", "dev.iafbt.internal.io..", "dev.iafbt.internal.json..",
                    "dev.iafbt.internal.parquet..", "dev.iafbt.internal.chunk..")
            // pure computation on plain arrays, so that the model can recompute a bundle with it
            .layer("Metrics").definedBy("dev.iafbt.metrics..")
            .layer("Bundle").definedBy("dev.iafbt.bundle..", "dev.iafbt.internal.bundle..")
            .layer("Model").definedBy("dev.iafbt.model..")
            .layer("Index").definedBy("dev.iafbt.index..", "dev.iafbt.internal.index..")
            .layer("Ohlcv").definedBy("dev.iafbt.ohlcv..")
            .layer("Rank").definedBy("dev.iafbt.rank..")
            .layer("Store").definedBy("dev.iafbt.store..", "dev.iafbt.internal.store..")
            .layer("Report").definedBy("dev.iafbt.report..", "dev.iafbt.internal.report..")
            .layer("Check").definedBy("dev.iafbt.check..", "dev.iafbt.gate..")
            .layer("Recompute").definedBy("dev.iafbt.recompute..")
            .whereLayer("Base").mayNotAccessAnyLayer()
            .whereLayer("Metrics").mayOnlyBeAccessedByLayers(ABOVE_METRICS)
            .whereLayer("Bundle").mayOnlyBeAccessedByLayers(ABOVE_BUNDLE)
            .whereLayer("Model").mayOnlyBeAccessedByLayers("Index", "Ohlcv", "Rank", "Store", "Report", "Check", "Recompute")
            .whereLayer("Index").mayOnlyBeAccessedByLayers("Rank", "Store", "Report", "Check")
            .whereLayer("Ohlcv").mayOnlyBeAccessedByLayers("Rank", "Store", "Report", "Check")
            // the top tier may use each other (the cycle rule keeps that one-way), nothing below may use it
            .whereLayer("Rank").mayOnlyBeAccessedByLayers("Store", "Report", "Check")
            .whereLayer("Store").mayOnlyBeAccessedByLayers("Rank", "Report", "Check")
            .whereLayer("Report").mayOnlyBeAccessedByLayers("Rank", "Store", "Check")
            .whereLayer("Check").mayOnlyBeAccessedByLayers("Rank", "Store", "Report")
            .whereLayer("Recompute").mayOnlyBeAccessedByLayers("Rank", "Store", "Report", "Check", "Index");

    @ArchTest
    static final ArchRule libraryKnowsNoMavenOrJUnit = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.apache.maven..", "org.junit..", "org.opentest4j..")
            .as("the library uses no Maven or JUnit types (the plugin and iafbt-junit wrap it)");

    @ArchTest
    static final ArchRule publicApiDoesNotExposeInternals = members()
            .that().arePublic().and().areDeclaredInClassesThat().arePublic()
            .and().areDeclaredInClassesThat().resideOutsideOfPackage("dev.iafbt.internal..")
            .should(new ArchCondition<JavaMember>("not name a dev.iafbt.internal type in their signature") {
                @Override
                public void check(JavaMember member, ConditionEvents events) {
                    List<JavaClass> types = new ArrayList<>();
                    if (member instanceof JavaField field) {
                        types.add(field.getRawType());
                    } else if (member instanceof JavaCodeUnit code) {
                        types.add(code.getRawReturnType());
                        types.addAll(code.getRawParameterTypes());
                        code.getThrowsClause().forEach(thrown -> types.add(thrown.getRawType()));
                    }
                    types.stream().filter(type -> type.getPackageName().startsWith("dev.iafbt.internal"))
                            .forEach(type -> events.add(SimpleConditionEvent.violated(member,
                                    member.getFullName() + " exposes " + type.getName())));
                }
            });

    /** dev.iafbt.X and dev.iafbt.internal.X are one capability, X. */
    static final class Capabilities implements SliceAssignment {
        private static final String ROOT = "dev.iafbt";

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (!pkg.startsWith(ROOT + ".")) {
                return SliceIdentifier.ignore();
            }
            String rest = pkg.substring(ROOT.length() + 1);
            if (rest.startsWith("internal.")) {
                rest = rest.substring("internal.".length());
            }
            int dot = rest.indexOf('.');
            return SliceIdentifier.of(dot < 0 ? rest : rest.substring(0, dot));
        }

        @Override
        public String getDescription() {
            return "capabilities of iafbt-lib (dev.iafbt.X with dev.iafbt.internal.X)";
        }
    }
}
