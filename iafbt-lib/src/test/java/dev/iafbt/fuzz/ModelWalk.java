package dev.iafbt.fuzz;

import dev.iafbt.index.IndexRow;
import dev.iafbt.index.IndexRows;
import dev.iafbt.model.Backtest;
import dev.iafbt.model.BacktestMetrics;
import dev.iafbt.model.BacktestRun;
import dev.iafbt.model.MetricSeries;
import dev.iafbt.model.Order;
import dev.iafbt.model.PortfolioSnapshot;
import dev.iafbt.model.Position;
import dev.iafbt.model.Trade;
import dev.iafbt.ohlcv.OhlcvManifest;

/**
 * Calls every typed accessor a user can reach from a {@link Backtest}, decodes every metric blob
 * and builds the index row: whatever the document holds, each either answers or throws a typed
 * exception.
 */
final class ModelWalk {
    private ModelWalk() {
    }

    static void walk(Backtest backtest) {
        backtest.algorithmId();
        backtest.tag();
        backtest.engineTypeValue();
        backtest.riskFreeRate();
        backtest.metadata();
        backtest.parameters();
        backtest.strategyIds();
        backtest.numberOfRuns();
        backtest.permutationTests();
        backtest.summary().ifPresent(summary -> {
            summary.values();
            summary.unknownEntries();
            summary.numberOfTrades();
        });
        backtest.ohlcvManifestMap();
        IndexRow row = IndexRows.fromBacktest(backtest, "fuzz.iafbt", 0L, 0L);
        IndexRow.fromFlatMap(row.toFlatMap());
        backtest.engineType();
        for (BacktestRun run : backtest.runs()) {
            walk(run);
        }
        OhlcvManifest.of(backtest);
    }

    private static void walk(BacktestRun run) {
        run.startDate();
        run.endDate();
        run.dateRangeName();
        run.tradingSymbol();
        run.initialUnallocated();
        run.numberOfRuns();
        run.createdAt();
        run.numberOfDays();
        run.numberOfTrades();
        run.numberOfOrders();
        run.symbols();
        run.metadata();
        run.signals();
        run.signalEvents();
        run.recordedValues();
        for (PortfolioSnapshot snapshot : run.portfolioSnapshots()) {
            snapshot.createdAt();
            snapshot.totalValue();
            snapshot.unallocated();
            snapshot.totalNetGain();
            snapshot.cashFlow();
            snapshot.portfolioId();
            snapshot.tradingSymbol();
            snapshot.metadata();
        }
        for (Trade trade : run.trades()) {
            walk(trade);
        }
        run.orders().forEach(ModelWalk::walk);
        for (Position position : run.positions()) {
            position.symbol();
            position.amount();
            position.cost();
        }
        walk(run.metrics());
    }

    private static void walk(BacktestMetrics metrics) {
        if (metrics == null) {
            return;
        }
        for (String field : MetricSeries.BLOB_FIELDS) {
            metrics.series(field);
            metrics.blobKey(field);
        }
        metrics.sharpeRatio();
        metrics.maxDrawdown();
        metrics.totalNetGain();
        metrics.finalValue();
        metrics.numberOfTrades();
        metrics.tradeCount("number_of_positive_trades");
        metrics.datedValue("max_drawdown_duration");
        metrics.datedValue("best_year");
        metrics.bestTrade().ifPresent(ModelWalk::walk);
        metrics.worstTrade().ifPresent(ModelWalk::walk);
        metrics.startDate();
        metrics.endDate();
    }

    private static void walk(Trade trade) {
        trade.id();
        trade.targetSymbol();
        trade.tradingSymbol();
        trade.status();
        trade.amount();
        trade.openPrice();
        trade.netGain();
        trade.cost();
        trade.openedAt();
        trade.closedAt();
        trade.metadata();
        trade.orders().forEach(ModelWalk::walk);
    }

    private static void walk(Order order) {
        order.id();
        order.targetSymbol();
        order.orderSide();
        order.orderType();
        order.status();
        order.price();
        order.amount();
        order.createdAt();
    }
}
