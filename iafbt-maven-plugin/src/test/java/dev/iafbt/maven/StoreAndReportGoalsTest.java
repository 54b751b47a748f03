package dev.iafbt.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.testing.ParameterSweepSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;

/**
 * The report, gc-ohlcv and migrate-store goals configured from the real plugin descriptor and from
 * {@code -D} properties, as Maven does: their defaults, property names and the output-folder
 * expressions (their behaviour on bad input is in {@link ReportMojoTest}, {@link GcOhlcvMojoTest}
 * and the invoker builds).
 */
@MojoTest
class StoreAndReportGoalsTest extends GoalTestSupport {
    @Test
    @InjectMojo(goal = "report")
    void reportDefaultsComeFromTheDescriptor(ReportMojo mojo) {
        assertThat(mojo.bundles).isEqualTo(file("backtests"));
        assertThat(mojo.outputDirectory).isNull();
        assertThat(mojo.title).isEqualTo("Backtest report");
        assertThat(mojo.topK).isEqualTo(25);
        assertThat(mojo.focus).isEqualTo("balanced");
        assertThat(mojo.by).isNull();
        assertThat(mojo.ascending).isFalse();
        assertThat(mojo.sizeBudget).isEqualTo(10L * 1024 * 1024);
        assertThat(mojo.maxPoints).isEqualTo(400);
        assertThat(mojo.maxTableRows).isEqualTo(100);
        assertThat(mojo.generated).isNull();
        assertThat(mojo.failOnError).isFalse();
    }

    @Test
    @InjectMojo(goal = "report")
    @UserProperty(name = "iafbt.bundles", value = "sweep")
    @UserProperty(name = "iafbt.topK", value = "3")
    void reportReadsItsUserPropertiesAndWritesIntoTheBuildFolder(ReportMojo mojo) throws Exception {
        ParameterSweepSample.write(project.resolve("sweep"));
        mojo.execute();
        assertThat(project.resolve("target/iafbt/report.html")).isRegularFile();
        assertThat(log.at("INFO")).singleElement().asString().contains("24 strategies, 3 with a tear sheet");
    }

    @Test
    @InjectMojo(goal = "report")
    @OutsideProject
    void reportOutsideAProjectWritesToTargetInTheCurrentFolder(ReportMojo mojo) throws Exception {
        ParameterSweepSample.write(project.resolve("backtests"));
        mojo.execute();
        assertThat(project.resolve("target/iafbt/report.html")).isRegularFile();
        try (Stream<Path> all = Files.walk(project)) {
            assertThat(all.map(Path::toString)).noneMatch(path -> path.contains("${"));
        }
    }

    @Test
    @InjectMojo(goal = "gc-ohlcv")
    void gcDefaultsAreADryRunWithADayOfGrace(GcOhlcvMojo mojo) {
        assertThat(mojo.store).isEqualTo("backtests"); // a folder, or an s3:// location
        assertThat(mojo.s3PathStyle).isFalse();
        assertThat(mojo.s3Endpoint).isNull();
        assertThat(mojo.dryRun).isTrue();
        assertThat(mojo.gracePeriod).isEqualTo("24h");
        assertThat(mojo.failOnError).isTrue();
    }

    @Test
    @InjectMojo(goal = "migrate-store")
    @UserProperty(name = "iafbt.from", value = "local-dir")
    @UserProperty(name = "iafbt.src", value = "backtests")
    @UserProperty(name = "iafbt.to", value = "local-tiered")
    @UserProperty(name = "iafbt.dst", value = "store")
    @UserProperty(name = "iafbt.handles", value = "a.iafbt,b.iafbt")
    void migrateStoreReadsItsUserProperties(MigrateStoreMojo mojo) {
        assertThat(mojo.index).isNull();
        assertThat(mojo.from).isEqualTo("local-dir");
        assertThat(mojo.to).isEqualTo("local-tiered");
        assertThat(mojo.src).isEqualTo("backtests"); // folders resolve against the project, s3:// stays
        assertThat(mojo.dst).isEqualTo("store");
        assertThat(mojo.writers).isEqualTo(1);
        assertThat(mojo.handles).isEqualTo("a.iafbt,b.iafbt");
        assertThat(mojo.failOnError).isTrue();
        assertThat(mojo.progressSeconds).isEqualTo(10);
    }
}
