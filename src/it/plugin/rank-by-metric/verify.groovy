import dev.iafbt.index.SqliteIndex
import java.nio.file.*

String log = new File(basedir, "build.log").text
Path index = basedir.toPath().resolve("backtests/index.sqlite").toRealPath()
assert log.contains("[INFO] 5 of 24 indexed bundle(s), by sharpe_ratio descending; index: " + index)
assert log.contains("[INFO] Top 5 of 24 indexed bundle(s) by sharpe_ratio, descending; index: " + index)
assert log =~ /\[INFO\] algorithm_id\s+tag\s+summary_sharpe_ratio\s+summary_sortino_ratio\s+summary_calmar_ratio\s+summary_total_net_gain_percentage\s+summary_max_drawdown\s+bundle_path\n/
assert !log.contains("[WARNING]")

List<String> rank = new File(basedir, "target/iafbt/rank.csv").readLines("UTF-8")
assert rank.size() == 6
assert rank[0] == "algorithm_id,tag,summary_sharpe_ratio,summary_sortino_ratio,summary_calmar_ratio,summary_total_net_gain_percentage,summary_max_drawdown,bundle_path"
List<Double> sharpe = rank.drop(1).collect { it.split(",")[2] as double }
assert sharpe == sharpe.sort(false).reverse()
// the best sharpe of the index is first
double best = SqliteIndex.open(index).withCloseable { idx ->
    idx.selectReadOnly('SELECT MAX(summary_sharpe_ratio) AS m FROM backtest_index', []).first().m
}
assert sharpe[0] == best
String json = new File(basedir, "target/iafbt/rank.json").getText("UTF-8")
assert json.startsWith("[\n  {\n    \"algorithm_id\": \"sma-crossover-")
assert (json =~ /"bundle_path": /).size() == 5

List<String> list = new File(basedir, "target/iafbt/list.csv").readLines("UTF-8")
assert list.size() == 6
assert list[0] == "algorithm_id,tag,summary_sharpe_ratio,summary_total_net_gain_percentage,summary_max_drawdown,summary_number_of_trades,bundle_path"
return true
