package dev.iafbt.junit;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.iafbt.testing.PublicApiOnly;
import java.util.Set;

/** The JUnit gates call the library's public API only (docs/api.md). */
@AnalyzeClasses(packages = "dev.iafbt.junit", importOptions = ImportOption.DoNotIncludeTests.class)
class JunitArchitectureTest {
    @ArchTest
    static final ArchRule gatesUseThePublicApiOnly = PublicApiOnly.rule("dev.iafbt.junit", Set.of(
            // the round-trip check decompresses bundles itself; it moves into the library (issue 9, item 4)
            "dev.iafbt.junit.RoundTripCheck -> dev.iafbt.internal.bundle.BundleContainer",
            // the baseline file is written atomically; goes with the rule engine's move into the library
            "dev.iafbt.junit.BaselineFile -> dev.iafbt.internal.io.AtomicFiles"));
}
