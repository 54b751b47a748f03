package dev.iafbt.report;

import dev.iafbt.metrics.DrawdownPeriod;
import dev.iafbt.metrics.DrawdownPeriods;
import dev.iafbt.model.Leading;
import dev.iafbt.model.Order;
import dev.iafbt.model.Trade;
import dev.iafbt.report.ReportView.Cell;
import dev.iafbt.report.ReportView.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The runs', trades' and orders' tables of a tear sheet. Trades and orders are capped (a
 * production run has thousands; the reference shipped them all, uncapped) and the cap is said in
 * the table and in the report's panel.
 */
final class ActivityTables {
    private ActivityTables() {
    }

    static Table runs(List<RunData> runs) {
        List<List<Cell>> rows = new ArrayList<>();
        for (RunData r : runs) {
            Series eq = r.equity();
            Double ret = eq.isEmpty() || !(eq.values()[0] > 0) ? null : eq.values()[eq.size() - 1] / eq.values()[0] - 1;
            Double dd = maxDrawdown(r);
            rows.add(List.of(Cell.plain(r.name()), Cell.plain(date(r.run().startDate())), Cell.plain(date(r.run().endDate())),
                    Cell.plain(nz(r.run().tradingSymbol())), pct(ret), new Cell(Fmt.pct(dd), Fmt.sortKey(dd), ""),
                    num(r.run().metrics() == null ? null : r.run().metrics().sharpeRatio(), 2), num((double) r.run().numberOfTrades(), 0)));
        }
        return new Table(List.of("Run", "Start", "End", "Symbol", "Return", "Max DD", "Sharpe", "Trades"), rows, "");
    }

    /**
     * The run's stored {@code max_drawdown} (a positive fraction below the peak), or, for a run
     * without metrics, the deepest of its curve's drawdown periods by the same definition.
     */
    static Double maxDrawdown(RunData r) {
        Double stored = r.run().metrics() == null ? null : r.run().metrics().maxDrawdown();
        if (stored != null || r.equity().isEmpty()) {
            return stored;
        }
        List<DrawdownPeriod> worst = DrawdownPeriods.worst(DrawdownPeriods.of(r.equity().times(), r.equity().values()), 1);
        return worst.isEmpty() ? 0.0 : -worst.get(0).depth();
    }

    static Table trades(List<RunData> runs, int cap) {
        List<List<Cell>> rows = new ArrayList<>();
        int total = 0;
        for (RunData r : runs) {
            Leading<Trade> trades = r.run().leadingTrades(cap - rows.size());
            total += trades.total();
            for (Trade t : trades.first()) {
                rows.add(List.of(Cell.plain(r.name()), Cell.plain(nz(t.id())), Cell.plain(nz(t.targetSymbol())),
                        Cell.plain(time(t.openedAt())), Cell.plain(time(t.closedAt())), num(t.amount(), 6),
                        num(t.openPrice(), 4), num(t.netGain(), 2), Cell.plain(nz(t.status()))));
            }
        }
        return new Table(List.of("Run", "Id", "Symbol", "Opened", "Closed", "Amount", "Open price", "Net gain", "Status"),
                rows, capped("trades", rows.size(), total));
    }

    static Table orders(List<RunData> runs, int cap) {
        List<List<Cell>> rows = new ArrayList<>();
        int total = 0;
        for (RunData r : runs) {
            Leading<Order> orders = r.run().leadingOrders(cap - rows.size());
            total += orders.total();
            for (Order o : orders.first()) {
                rows.add(List.of(Cell.plain(r.name()), Cell.plain(nz(o.id())), Cell.plain(nz(o.targetSymbol())),
                        Cell.plain(nz(o.orderSide())), Cell.plain(nz(o.orderType())), Cell.plain(nz(o.status())),
                        num(o.price(), 4), num(o.amount(), 6), Cell.plain(time(o.createdAt()))));
            }
        }
        return new Table(List.of("Run", "Id", "Symbol", "Side", "Type", "Status", "Price", "Amount", "Created"),
                rows, capped("orders", rows.size(), total));
    }

    static String capped(String what, int shown, int total) {
        return shown < total ? String.format(Locale.ROOT, "showing %d of %d %s", shown, total, what) : "";
    }

    static Cell pct(Double v) {
        return new Cell(Fmt.pct(v), Fmt.sortKey(v), v == null || v.isNaN() ? "" : v > 0 ? "pos" : v < 0 ? "neg" : "");
    }

    static Cell num(Double v, int digits) {
        return new Cell(Fmt.num(v, digits), Fmt.sortKey(v), "");
    }

    private static String nz(String s) {
        return DisplayText.clip(s);
    }

    private static String date(Instant t) {
        return t == null ? "" : Fmt.date(t.toEpochMilli());
    }

    private static String time(Instant t) {
        return t == null ? "" : t.toString().replace('T', ' ').replace("Z", "");
    }
}
