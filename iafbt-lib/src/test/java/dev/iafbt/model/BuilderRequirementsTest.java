package dev.iafbt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The builders refuse, at build(), what the Python reference would silently drop on reading:
 * an order without symbols, side, type or status (and the trade that holds it), a trade whose
 * status is nil, a snapshot without created_at, metrics without their window dates.
 */
class BuilderRequirementsTest {
    private static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2023-03-01T00:00:00Z");

    private static OrderBuilder completeOrder() {
        return OrderBuilder.withId(1).set("target_symbol", "BTC").set("trading_symbol", "EUR")
                .set("order_side", "BUY").set("order_type", "MARKET").set("status", "CLOSED");
    }

    private static BacktestBuilder withRun(RunBuilder run) {
        return Backtest.builder("algo").run(RunBuilder.window(START, END)).run(run);
    }

    @Test
    void anOrderWithOnlyAnIdIsRefusedNamingWhatIsMissing() {
        BacktestBuilder builder = withRun(RunBuilder.window(START, END)
                .trade(TradeBuilder.withId(7).set("status", "CLOSED").order(OrderBuilder.withId(1).set("order_side", "BUY"))));
        assertThatThrownBy(builder::build)
                .isInstanceOf(IncompleteBacktestException.class)
                .hasMessageStartingWith("backtest 'algo': backtest_runs[1].trades[0].orders[0] (id 1)")
                .hasMessageContainingAll("target_symbol", "trading_symbol", "order_type", "status", "drops")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("order_side,"));
    }

    @Test
    void aRunLevelOrderIsCheckedToo() {
        BacktestBuilder builder = withRun(RunBuilder.window(START, END)
                .order(completeOrder().set("status", null)));
        assertThatThrownBy(builder::build).isInstanceOf(IncompleteBacktestException.class)
                .hasMessageContainingAll("backtest_runs[1].orders[0]", "status");
    }

    @Test
    void aTradeWithANilStatusIsRefused() {
        BacktestBuilder builder = withRun(RunBuilder.window(START, END)
                .trade(TradeBuilder.withId("t").set("status", null).order(completeOrder())));
        assertThatThrownBy(builder::build).isInstanceOf(IncompleteBacktestException.class)
                .hasMessageContainingAll("backtest_runs[1].trades[0] (id t)", "status");
    }

    @Test
    void aSnapshotWithoutCreatedAtIsRefused() {
        BacktestBuilder builder = withRun(RunBuilder.window(START, END)
                .snapshot(SnapshotBuilder.at(START, 1000).set("created_at", "")));
        assertThatThrownBy(builder::build).isInstanceOf(IncompleteBacktestException.class)
                .hasMessageContainingAll("backtest_runs[1].portfolio_snapshots[0]", "created_at");
    }

    @Test
    void metricsWithoutTheirWindowAreRefused() {
        BacktestBuilder builder = withRun(RunBuilder.window(START, END)
                .metrics(MetricsBuilder.window(START, END).set("backtest_end_date", null)));
        assertThatThrownBy(builder::build).isInstanceOf(IncompleteBacktestException.class)
                .hasMessageContainingAll("backtest_runs[1].backtest_metrics", "backtest_end_date");
    }

    @Test
    void completeOrdersAndTradesBuildAndReadBack() {
        Backtest built = withRun(RunBuilder.window(START, END)
                .trade(TradeBuilder.withId(7).set("status", "CLOSED").order(completeOrder()))
                .order(completeOrder())).build();
        assertThat(built.runs().get(1).trades().get(0).orders()).singleElement()
                .satisfies(order -> assertThat(order.orderType()).isEqualTo("MARKET"));
    }
}
