package dev.iafbt.maven;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.iafbt.testing.PublicApiOnly;
import java.util.Set;

/** The Mojos call the library's public API only (docs/api.md). */
@AnalyzeClasses(packages = "dev.iafbt.maven", importOptions = ImportOption.DoNotIncludeTests.class)
class PluginArchitectureTest {
    @ArchTest
    static final ArchRule mojosUseThePublicApiOnly = PublicApiOnly.rule("dev.iafbt.maven", Set.of(
            // RankOutput writes the CSV/JSON rank files; it moves into the library (issue 9, item 4),
            // and these three go with it
            "dev.iafbt.maven.RankOutput -> dev.iafbt.internal.io.AtomicFiles",
            "dev.iafbt.maven.RankOutput -> dev.iafbt.internal.json.PythonJson",
            "dev.iafbt.maven.RankOutput -> dev.iafbt.internal.json.PythonFloats"));
}
