package dev.iafbt.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.index.Indexer;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.testing.ParameterSweepSample;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankMojoTest {
    @TempDir
    Path project;

    private final CapturingLog log = new CapturingLog();
    private RankMojo mojo;
    private Path folder;

    @BeforeEach
    void indexedSweep() {
        folder = project.resolve("backtests");
        ParameterSweepSample.write(folder);
        Indexer.builder(folder).build().run();
        mojo = new RankMojo();
        mojo.setLog(log);
        mojo.basedir = project.toFile();
        mojo.bundles = new File("backtests");
        mojo.outputDirectory = project.resolve("target/iafbt").toFile();
        mojo.limit = 10;
    }

    private List<String> table() {
        List<String> info = log.at("INFO");
        int start = info.indexOf(info.stream().filter(l -> l.startsWith("algorithm_id")).findFirst().orElseThrow());
        return info.subList(start, info.size());
    }

    private long bundleFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".iafbt")).count();
        }
    }

    @Test
    void ranksByOneMetricLogsTheTableAndWritesDeterministicFiles() throws Exception {
        mojo.by = "sharpe_ratio";
        mojo.limit = 3;
        mojo.execute();

        assertThat(log.at("INFO").get(0)).matches("Top 3 of 24 indexed bundle\\(s\\) by sharpe_ratio, descending; index: .*index.sqlite");
        List<String> table = table();
        assertThat(table.get(0)).startsWith("algorithm_id").contains("summary_sharpe_ratio").endsWith("bundle_path");
        assertThat(table.get(1)).matches("[- ]+");
        assertThat(table.get(2)).startsWith("sma-crossover-").doesNotEndWith(" ");
        Path csv = project.resolve("target/iafbt/rank.csv");
        Path json = project.resolve("target/iafbt/rank.json");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("algorithm_id,tag,summary_sharpe_ratio,summary_sortino_ratio,"
                + "summary_calmar_ratio,summary_total_net_gain_percentage,summary_max_drawdown,bundle_path");
        assertThat(Files.readString(json)).startsWith("[\n  {\n    \"algorithm_id\": \"sma-crossover-").endsWith("  }\n]\n");
        double first = Double.parseDouble(lines.get(1).split(",")[2]);
        double third = Double.parseDouble(lines.get(3).split(",")[2]);
        assertThat(first).isGreaterThanOrEqualTo(third);

        byte[] before = Files.readAllBytes(csv);
        byte[] beforeJson = Files.readAllBytes(json);
        mojo.execute();
        assertThat(Files.readAllBytes(csv)).isEqualTo(before);
        assertThat(Files.readAllBytes(json)).isEqualTo(beforeJson);
    }

    @Test
    void ranksByAFocusPresetWithAScoreColumn() throws Exception {
        mojo.focus = "risk-adjusted";
        mojo.columns = "algorithm_id, sharpe_ratio";
        mojo.execute();

        assertThat(log.at("INFO").get(0)).startsWith("Top 10 of 24 indexed bundle(s) by weighted score (risk_adjusted), descending");
        assertThat(table().get(0)).isEqualTo("algorithm_id                summary_sharpe_ratio  _score");
        assertThat(Files.readAllLines(project.resolve("target/iafbt/rank.csv")).get(0))
                .isEqualTo("algorithm_id,summary_sharpe_ratio,_score");
    }

    @Test
    void customWeightsAndAFilter() throws Exception {
        mojo.weights = "sharpe_ratio=2,max_drawdown=-1";
        mojo.where = "summary_number_of_trades > 0";
        mojo.ascending = true;
        mojo.execute();
        assertThat(log.at("INFO").get(0)).contains("by weighted score (balanced + sharpe_ratio=2,max_drawdown=-1), ascending,"
                + " where summary_number_of_trades > 0");
    }

    @Test
    void needsAMetricOrAFocusButNotBoth() {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("-Diafbt.by=sharpe_ratio").hasMessageContaining("-Diafbt.focus=");
        mojo.by = "sharpe_ratio";
        mojo.focus = "profit";
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("not both");
    }

    @Test
    void unknownColumnListsTheValidNames() {
        mojo.by = "sharp_ratio";
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("unknown sort column 'sharp_ratio'")
                .hasMessageContaining("valid columns are bundle_path");
        mojo.by = null;
        mojo.focus = "speed";
        assertThatThrownBy(mojo::execute).hasMessageContaining("balanced, profit, frequency, risk_adjusted");
    }

    @Test
    void missingIndexSaysHowToBuildIt() throws Exception {
        Files.delete(folder.resolve("index.sqlite"));
        mojo.by = "sharpe_ratio";
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("No index at " + folder.resolve("index.sqlite"))
                .hasMessageContaining("mvn iafbt:index -Diafbt.bundles=backtests");
        assertThat(folder.resolve("index.sqlite")).doesNotExist();
    }

    @Test
    void pruneIsADryRunByDefault() throws Exception {
        mojo.by = "sharpe_ratio";
        mojo.limit = 5;
        mojo.prune = true;
        mojo.execute();

        assertThat(log.at("INFO")).anySatisfy(l -> assertThat(l).startsWith("Dry run: would delete 19 bundle(s) and keep 5 in"));
        assertThat(log.at("INFO").stream().filter(l -> l.startsWith("  would delete ")).count()).isEqualTo(19);
        assertThat(log.at("INFO")).last().asString().contains("-Diafbt.dryRun=false");
        assertThat(bundleFiles(folder)).isEqualTo(24);
    }

    @Test
    void archivePruneMovesTheRestAndUpdatesTheIndex() throws Exception {
        mojo.by = "sharpe_ratio";
        mojo.limit = 5;
        mojo.columns = "algorithm_id"; // bundle_path is added for the keep set
        mojo.archive = new File("archive");
        mojo.dryRun = false;
        mojo.execute();

        assertThat(bundleFiles(folder)).isEqualTo(5);
        assertThat(bundleFiles(project.resolve("archive"))).isEqualTo(19);
        try (SqliteIndex index = SqliteIndex.open(folder.resolve("index.sqlite"))) {
            assertThat(index.count()).isEqualTo(5);
        }
        assertThat(log.at("INFO")).last().asString().startsWith("Pruned 19 bundle(s) (moved to " + project.resolve("archive"))
                .contains("kept 5; removed 19 row(s)");
    }

    @Test
    void pruneIsRefusedWhenTheIndexPointsElsewhere() throws Exception {
        Path other = project.resolve("elsewhere");
        ParameterSweepSample.write(other);
        Indexer.builder(other).output(folder.resolve("index.sqlite")).absolutePaths(true).rebuild(true).build().run();
        mojo.by = "sharpe_ratio";
        mojo.prune = true;
        mojo.dryRun = false;

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("Refusing to prune " + folder.toRealPath())
                .hasMessageContaining("does not resolve inside the bundle folder")
                .hasMessageContaining("-Diafbt.rebuild=true");
        assertThat(bundleFiles(folder)).isEqualTo(24);
        assertThat(bundleFiles(other)).isEqualTo(24);
    }

    @Test
    void listHonoursSortLimitAndColumns() throws Exception {
        ListMojo list = new ListMojo();
        list.setLog(log);
        list.basedir = project.toFile();
        list.bundles = new File("backtests");
        list.outputDirectory = project.resolve("target/iafbt").toFile();
        list.by = "number_of_trades";
        list.ascending = true;
        list.limit = 2;
        list.columns = "algorithm_id,number_of_trades";
        list.execute();

        assertThat(log.at("INFO").get(0)).startsWith("2 of 24 indexed bundle(s), by number_of_trades ascending; index: ");
        assertThat(table().get(0)).startsWith("algorithm_id").endsWith("summary_number_of_trades");
        assertThat(Files.readAllLines(project.resolve("target/iafbt/list.csv"))).hasSize(3);

        list.where = "tag = 'nope'";
        list.execute();
        assertThat(log.at("INFO")).contains("(no rows)");
        assertThat(Files.readString(project.resolve("target/iafbt/list.json"))).isEqualTo("[]\n");
        assertThat(Files.readString(project.resolve("target/iafbt/list.csv")))
                .isEqualTo("algorithm_id,summary_number_of_trades\n");
    }
}
