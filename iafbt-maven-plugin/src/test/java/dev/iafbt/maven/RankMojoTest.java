package dev.iafbt.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.index.Indexer;
import dev.iafbt.index.SqliteIndex;
import dev.iafbt.testing.ParameterSweepSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MojoTest
class RankMojoTest extends GoalTestSupport {
    private Path folder;

    @BeforeEach
    void indexedSweep() {
        folder = project.resolve("backtests");
        ParameterSweepSample.write(folder);
        Indexer.builder(folder).build().run();
    }

    private List<String> table() {
        List<String> info = log.at("INFO");
        int start = info.indexOf(info.stream().filter(l -> l.startsWith("algorithm_id")).findFirst().orElseThrow());
        return info.subList(start, info.size());
    }

    private static long bundleFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".iafbt")).count();
        }
    }

    private String firstLineAfterRefresh() {
        return log.at("INFO").stream().filter(l -> l.startsWith("Top ")).findFirst().orElseThrow();
    }

    @Test
    @InjectMojo(goal = "rank")
    @UserProperty(name = "iafbt.by", value = "sharpe_ratio")
    @UserProperty(name = "iafbt.limit", value = "3")
    void ranksByOneMetricLogsTheTableAndWritesDeterministicFiles(RankMojo mojo) throws Exception {
        assertThat(mojo.refresh).isTrue();
        mojo.execute();

        assertThat(log.at("INFO").get(0)).startsWith("Refreshed the index: 0 indexed, 24 unchanged");
        assertThat(firstLineAfterRefresh())
                .matches("Top 3 of 24 indexed bundle\\(s\\) by sharpe_ratio, descending; index: .*backtests/index.sqlite");
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
    @InjectMojo(goal = "rank")
    @UserProperty(name = "iafbt.by", value = "sharpe_ratio")
    void aBundleAddedAfterIndexingIsRankedBecauseTheIndexIsRefreshedFirst(RankMojo mojo) throws Exception {
        Files.copy(folder.resolve("sma-crossover-f05-s050-sl2.iafbt"), folder.resolve("copy.iafbt"));
        mojo.execute();
        assertThat(log.at("INFO").get(0)).startsWith("Refreshed the index: 1 indexed, 24 unchanged");
        assertThat(firstLineAfterRefresh()).startsWith("Top 10 of 25 indexed bundle(s)");
    }

    @Test
    @InjectMojo(goal = "rank")
    @UserProperty(name = "iafbt.by", value = "sharpe_ratio")
    @UserProperty(name = "iafbt.refresh", value = "false")
    void withoutRefreshTheReadLeavesTheIndexBytesUnchanged(RankMojo mojo) throws Exception {
        Path index = folder.resolve("index.sqlite");
        Files.copy(folder.resolve("sma-crossover-f05-s050-sl2.iafbt"), folder.resolve("copy.iafbt"));
        byte[] before = Files.readAllBytes(index);

        mojo.execute();

        assertThat(firstLineAfterRefresh()).startsWith("Top 10 of 24 indexed bundle(s)"); // the copy: not indexed
        assertThat(log.at("INFO")).noneMatch(l -> l.startsWith("Refreshed"));
        assertThat(Files.readAllBytes(index)).isEqualTo(before);
    }

    @Test
    @InjectMojo(goal = "rank")
    @UserProperty(name = "iafbt.by", value = "sharpe_ratio")
    void theIndexIsCreatedWhenThereIsNoneYet(RankMojo mojo) throws Exception {
        Files.delete(folder.resolve("index.sqlite"));
        mojo.execute();
        assertThat(log.at("INFO").get(0)).startsWith("Refreshed the index: 24 indexed, 0 unchanged");
    }

    @Test
    @InjectMojo(goal = "rank")
    @UserProperty(name = "iafbt.by", value = "sharpe_ratio")
    @UserProperty(name = "iafbt.refresh", value = "false")
    void withoutRefreshAMissingIndexSaysHowToBuildIt(RankMojo mojo) throws Exception {
        Files.delete(folder.resolve("index.sqlite"));
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("No index at " + folder.resolve("index.sqlite"))
                .hasMessageContaining("mvn iafbt:index -Diafbt.bundles=" + folder);
        assertThat(folder.resolve("index.sqlite")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "rank")
    @UserProperty(name = "iafbt.by", value = "sharpe_ratio")
    @UserProperty(name = "iafbt.bundles", value = "elsewhere")
    @UserProperty(name = "iafbt.index", value = "backtests/index.sqlite")
    void anIndexWithoutItsBundleFolderIsReadAsItIs(RankMojo mojo) throws Exception {
        mojo.execute();
        assertThat(log.at("INFO").get(0)).startsWith("Not refreshing " + folder.resolve("index.sqlite"))
                .contains("elsewhere does not exist");
        assertThat(firstLineAfterRefresh()).startsWith("Top 10 of 24");
    }

    @Test
    @InjectMojo(goal = "rank")
    @UserProperty(name = "iafbt.by", value = "sharpe_ratio")
    @UserProperty(name = "iafbt.index", value = "backtests")
    void theIndexParameterIsAlwaysTheFile(RankMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("iafbt.index must be the .sqlite file")
                .hasMessageContaining("-Diafbt.index=" + folder.resolve("index.sqlite"));
    }

    @Test
    @InjectMojo(goal = "rank")
    @UserProperty(name = "iafbt.focus", value = "risk-adjusted")
    @UserProperty(name = "iafbt.columns", value = "algorithm_id, sharpe_ratio")
    void ranksByAFocusPresetWithAScoreColumn(RankMojo mojo) throws Exception {
        mojo.execute();

        assertThat(firstLineAfterRefresh()).startsWith("Top 10 of 24 indexed bundle(s) by weighted score (risk_adjusted), descending");
        assertThat(table().get(0)).isEqualTo("algorithm_id                summary_sharpe_ratio  _score");
        assertThat(Files.readAllLines(project.resolve("target/iafbt/rank.csv")).get(0))
                .isEqualTo("algorithm_id,summary_sharpe_ratio,_score");
    }

    @Test
    @InjectMojo(goal = "rank")
    @MojoParameter(name = "weights", value = "sharpe_ratio=2,max_drawdown=-1")
    @MojoParameter(name = "where", value = "summary_number_of_trades > 0")
    @MojoParameter(name = "ascending", value = "true")
    void customWeightsAndAFilterFromThePom(RankMojo mojo) throws Exception {
        mojo.execute();
        assertThat(firstLineAfterRefresh()).contains("by weighted score (balanced + sharpe_ratio=2,max_drawdown=-1), ascending,"
                + " where summary_number_of_trades > 0");
    }

    @Test
    void needsAMetricOrAFocusButNotBoth(@InjectMojo(goal = "rank") RankMojo neither,
            @InjectMojo(goal = "rank") @MojoParameter(name = "by", value = "sharpe_ratio")
            @MojoParameter(name = "focus", value = "profit") RankMojo both) {
        assertThatThrownBy(neither::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("nothing to rank by").hasMessageContaining("-Diafbt.by")
                .hasMessageContaining("-Diafbt.focus");
        assertThatThrownBy(both::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("not both");
    }

    @Test
    @InjectMojo(goal = "rank")
    @UserProperty(name = "iafbt.by", value = "sharpe")
    void aMisspelledMetricSuggestsTheClosestNames(RankMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("unknown sort column 'sharpe'; did you mean sharpe_ratio")
                .hasMessageNotContaining("bundle_mtime_ns");
    }

    @Test
    @InjectMojo(goal = "rank")
    @UserProperty(name = "iafbt.focus", value = "speed")
    void anUnknownFocusListsThePresets(RankMojo mojo) {
        assertThatThrownBy(mojo::execute).hasMessageContaining("balanced, profit, frequency, risk_adjusted");
    }

    @Test
    @InjectMojo(goal = "rank")
    @UserProperty(name = "iafbt.by", value = "sharpe_ratio")
    @UserProperty(name = "iafbt.refresh", value = "false")
    @UserProperty(name = "iafbt.index", value = "notes.sqlite")
    void aFileThatIsNotAnIndexGetsAHintThatWorks(RankMojo mojo) throws Exception {
        Path notes = Files.writeString(project.resolve("notes.sqlite"), "these are my notes, not a database");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining(notes + " is not an SQLite database")
                .hasMessageContaining("move " + notes + " away")
                .hasMessageNotContaining("rebuild");
        assertThat(Files.readString(notes)).isEqualTo("these are my notes, not a database");
    }

    @Test
    @InjectMojo(goal = "rank")
    @UserProperty(name = "iafbt.by", value = "sharpe_ratio")
    @UserProperty(name = "iafbt.limit", value = "5")
    @UserProperty(name = "iafbt.prune", value = "true")
    void pruneIsADryRunByDefault(RankMojo mojo) throws Exception {
        Path index = folder.resolve("index.sqlite");
        mojo.execute();

        assertThat(log.at("INFO")).anySatisfy(l -> assertThat(l).startsWith("Dry run: would delete 19 bundle(s) and keep 5 in"));
        assertThat(log.at("INFO").stream().filter(l -> l.startsWith("  would delete ")).count()).isEqualTo(19);
        assertThat(log.at("INFO")).last().asString().contains("-Diafbt.dryRun=false");
        assertThat(bundleFiles(folder)).isEqualTo(24);
        try (SqliteIndex opened = SqliteIndex.openReadOnly(index)) {
            assertThat(opened.count()).isEqualTo(24);
        }
    }

    @Test
    @InjectMojo(goal = "rank")
    @MojoParameter(name = "by", value = "sharpe_ratio")
    @MojoParameter(name = "limit", value = "5")
    @MojoParameter(name = "columns", value = "algorithm_id")
    @MojoParameter(name = "archive", value = "archive")
    @MojoParameter(name = "dryRun", value = "false")
    void archivePruneMovesTheRestAndUpdatesTheIndex(RankMojo mojo) throws Exception {
        mojo.execute();

        assertThat(bundleFiles(folder)).isEqualTo(5);
        assertThat(bundleFiles(project.resolve("archive"))).isEqualTo(19);
        try (SqliteIndex index = SqliteIndex.openReadOnly(folder.resolve("index.sqlite"))) {
            assertThat(index.count()).isEqualTo(5);
        }
        assertThat(log.at("INFO")).last().asString().startsWith("Pruned 19 bundle(s) (moved to " + project.resolve("archive"))
                .contains("kept 5; removed 19 row(s)");
    }

    @Test
    @InjectMojo(goal = "rank")
    @UserProperty(name = "iafbt.by", value = "sharpe_ratio")
    @UserProperty(name = "iafbt.prune", value = "true")
    @UserProperty(name = "iafbt.dryRun", value = "false")
    void pruneIsRefusedWhenTheIndexPointsElsewhere(RankMojo mojo) throws Exception {
        Path other = project.resolve("elsewhere");
        ParameterSweepSample.write(other);
        Indexer.builder(other).output(folder.resolve("index.sqlite")).absolutePaths(true).rebuild(true).build().run();
        mojo.refresh = false; // a refresh would add this folder's rows beside the other folder's

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("Refusing to prune " + folder.toRealPath())
                .hasMessageContaining("does not resolve inside the bundle folder")
                .hasMessageContaining("-Diafbt.rebuild=true");
        assertThat(bundleFiles(folder)).isEqualTo(24);
        assertThat(bundleFiles(other)).isEqualTo(24);
    }

    @Test
    @InjectMojo(goal = "rank")
    @UserProperty(name = "iafbt.by", value = "sharpe_ratio")
    void aRefreshKeepsTheIndexsAbsolutePaths(RankMojo mojo) throws Exception {
        Indexer.builder(folder).absolutePaths(true).rebuild(true).build().run();
        mojo.execute();
        assertThat(log.at("INFO").get(0)).startsWith("Refreshed the index: 0 indexed, 24 unchanged");
    }

    @Test
    @InjectMojo(goal = "rank")
    @OutsideProject
    @UserProperty(name = "iafbt.by", value = "sharpe_ratio")
    void outsideAProjectTheFilesGoToTargetIafbtOfTheCurrentFolder(RankMojo mojo) throws Exception {
        mojo.execute();
        assertThat(project.resolve("target/iafbt/rank.csv")).exists();
        assertThat(log.at("INFO")).anySatisfy(l -> assertThat(l)
                .isEqualTo("Wrote 10 row(s) to " + project.resolve("target/iafbt/rank.csv") + " and "
                        + project.resolve("target/iafbt/rank.json")));
        try (Stream<Path> files = Files.walk(project)) {
            assertThat(files).noneMatch(p -> p.toString().contains("${"));
        }
    }

    @Test
    @InjectMojo(goal = "list")
    @MojoParameter(name = "by", value = "number_of_trades")
    @MojoParameter(name = "ascending", value = "true")
    @MojoParameter(name = "limit", value = "2")
    @MojoParameter(name = "columns", value = "algorithm_id,number_of_trades")
    void listHonoursSortLimitAndColumns(ListMojo list) throws Exception {
        list.execute();

        assertThat(log.at("INFO").get(1)).startsWith("2 of 24 indexed bundle(s), by number_of_trades ascending; index: ");
        assertThat(table().get(0)).startsWith("algorithm_id").endsWith("summary_number_of_trades");
        assertThat(Files.readAllLines(project.resolve("target/iafbt/list.csv"))).hasSize(3);

        list.where = "tag = 'nope'";
        list.execute();
        assertThat(log.at("INFO")).contains("(no rows)");
        assertThat(Files.readString(project.resolve("target/iafbt/list.json"))).isEqualTo("[]\n");
        assertThat(Files.readString(project.resolve("target/iafbt/list.csv")))
                .isEqualTo("algorithm_id,summary_number_of_trades\n");
    }

    @Test
    @InjectMojo(goal = "list")
    @UserProperty(name = "iafbt.refresh", value = "false")
    void listReadsWithoutChangingTheIndex(ListMojo list) throws Exception {
        Path index = folder.resolve("index.sqlite");
        byte[] before = Files.readAllBytes(index);
        list.execute();
        assertThat(log.at("INFO").get(0)).startsWith("24 of 24 indexed bundle(s); index: ");
        assertThat(Files.readAllBytes(index)).isEqualTo(before);
    }

    @Test
    @InjectMojo(goal = "list")
    @UserProperty(name = "iafbt.index", value = "notes.sqlite")
    void listOnAFileThatIsNotAnIndexLeavesItAloneAndSaysWhatToDo(ListMojo list) throws Exception {
        Path notes = Files.writeString(project.resolve("notes.sqlite"), "these are my notes, not a database");
        assertThatThrownBy(list::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining(notes + " is not an SQLite database")
                .hasMessageContaining("Set iafbt.index to another file")
                .hasMessageNotContaining("rebuild");
        assertThat(Files.readString(notes)).isEqualTo("these are my notes, not a database");
    }

    @Test
    void theHintForAFileThatIsNotAnIndexWorksWhenFollowed(
            @InjectMojo(goal = "list") @MojoParameter(name = "index", value = "notes.sqlite") ListMojo refused,
            @InjectMojo(goal = "list") @MojoParameter(name = "index", value = "target/iafbt/index.sqlite") ListMojo followed)
            throws Exception {
        Files.writeString(project.resolve("notes.sqlite"), "these are my notes, not a database");
        assertThatThrownBy(refused::execute).hasMessageContaining("-Diafbt.index=target/iafbt/index.sqlite");

        followed.execute();

        assertThat(log.at("INFO")).anySatisfy(l -> assertThat(l).startsWith("24 of 24 indexed bundle(s); index: "
                + project.resolve("target/iafbt/index.sqlite")));
    }

    @Test
    void theHintWithoutRefreshWorksWhenFollowed(
            @InjectMojo(goal = "list") @MojoParameter(name = "index", value = "notes.sqlite")
            @MojoParameter(name = "refresh", value = "false") ListMojo refused,
            @InjectMojo(goal = "index") @MojoParameter(name = "index", value = "notes.sqlite") IndexMojo index,
            @InjectMojo(goal = "list") @MojoParameter(name = "index", value = "notes.sqlite")
            @MojoParameter(name = "refresh", value = "false") ListMojo again) throws Exception {
        Path notes = Files.writeString(project.resolve("notes.sqlite"), "these are my notes, not a database");
        assertThatThrownBy(refused::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("move " + notes + " away and run 'mvn iafbt:index -Diafbt.bundles=" + folder
                        + " -Diafbt.index=" + notes + "'");

        Files.move(notes, project.resolve("notes.txt"));
        index.execute();
        again.execute();

        assertThat(log.at("INFO")).last().asString().startsWith("Wrote 24 row(s) to ");
    }
}
