package dev.iafbt.junit;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.iafbt.testing.PublicApiOnly;
import java.util.Set;

/** The JUnit gates call the library's public API only (docs/api.md), with no exception: the checks live in dev.iafbt.check. */
@AnalyzeClasses(packages = "dev.iafbt.junit", importOptions = ImportOption.DoNotIncludeTests.class)
class JunitArchitectureTest {
    @ArchTest
    static final ArchRule gatesUseThePublicApiOnly = PublicApiOnly.rule("dev.iafbt.junit", Set.of());
}
