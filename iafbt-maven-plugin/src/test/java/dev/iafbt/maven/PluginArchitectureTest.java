package dev.iafbt.maven;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.iafbt.testing.PublicApiOnly;
import java.util.Set;

/** The Mojos call the library's public API only (docs/api.md), with no exception. */
@AnalyzeClasses(packages = "dev.iafbt.maven", importOptions = ImportOption.DoNotIncludeTests.class)
class PluginArchitectureTest {
    @ArchTest
    static final ArchRule mojosUseThePublicApiOnly = PublicApiOnly.rule("dev.iafbt.maven", Set.of());
}
