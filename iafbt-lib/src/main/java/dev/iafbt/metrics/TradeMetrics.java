package dev.iafbt.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The trade metrics ({@code trades.py}, {@code win_rate.py}, {@code profit_factor.py},
 * {@code exposure.py}) with the reference's choices of set (all trades or closed ones), of gain
 * (realised {@code net_gain} or {@code net_gain_absolute}) and of empty-set value. "Mean" is a
 * Python sequential sum divided by the count.
 */
final class TradeMetrics {
    private final List<TradeInput> all;
    private final List<TradeInput> closed;
    private final long startMicros;
    private final long endMicros;

    TradeMetrics(RunInput run) {
        this.all = run.trades();
        this.closed = all.stream().filter(TradeInput::isClosed).toList();
        this.startMicros = run.startMicros();
        this.endMicros = run.endMicros();
    }

    void putInto(Map<String, Object> m, Map<String, Object> notPersisted, double initialUnallocated) {
        double grossProfit = sum(all, t -> t.netGainAbsolute() > 0, TradeInput::netGainAbsolute);
        double grossLoss = sum(all, t -> t.netGainAbsolute() < 0, t -> Math.abs(t.netGainAbsolute()));
        notPersisted.put("gross_profit", grossProfit);
        notPersisted.put("gross_loss", grossLoss);
        m.put("total_loss", grossLoss);
        m.put("total_loss_percentage", initialUnallocated > 0 ? grossLoss / initialUnallocated : 0.0);
        m.put("profit_factor", grossLoss == 0 ? (grossProfit > 0 ? Double.POSITIVE_INFINITY : 0.0)
                : grossProfit / grossLoss);
    }

    void putTradeFields(Map<String, Object> m, Map<String, Object> notPersisted) {
        long days = Times.days(startMicros, endMicros);
        m.put("trades_per_year", perPeriod(days, 365.25));
        m.put("trades_per_week", perPeriod(days, 7));
        m.put("trades_per_month", perPeriod(days, 30.44));
        m.put("trade_per_day", 0.0); // never set by the reference (its key mismatch, quirk 2)
        m.put("exposure_ratio", exposureRatio());
        m.put("cumulative_exposure", cumulativeExposure());
        List<TradeInput> gains = all.stream().filter(t -> t.netGainAbsolute() > 0).toList();
        m.put("average_trade_gain", mean(gains, TradeInput::netGainAbsolute));
        m.put("average_trade_gain_percentage", percentageMean(gains));
        List<TradeInput> losses = closed.stream().filter(t -> t.netGain() < 0).toList();
        m.put("average_trade_loss", mean(losses, TradeInput::netGainAbsolute));
        m.put("average_trade_loss_percentage", percentageMean(losses));
        m.put("average_trade_return", mean(closed, TradeInput::netGainAbsolute));
        m.put("average_trade_return_percentage", percentageMean(closed));
        m.put("median_trade_return", median());
        m.put("median_trade_return_percentage", 0.0); // never computed (quirk 2)
        TradeCount positive = count(t -> t.netGainAbsolute() > 0);
        TradeCount negative = count(t -> t.netGainAbsolute() < 0);
        m.put("number_of_positive_trades", positive);
        m.put("percentage_positive_trades", positive.percentage());
        m.put("number_of_negative_trades", negative);
        m.put("percentage_negative_trades", negative.percentage());
        m.put("best_trade", pick(true));
        m.put("worst_trade", pick(false));
        m.put("average_trade_duration", mean(closed, this::closedHours));
        m.put("average_win_duration", mean(closed.stream().filter(t -> t.netGain() > 0).toList(), this::closedHours));
        m.put("average_loss_duration", mean(closed.stream().filter(t -> t.netGain() <= 0).toList(), this::closedHours));
        m.put("average_trade_size", mean(all, t -> t.amount() * t.openPrice()));
        m.put("number_of_trades", (long) all.size());
        m.put("number_of_trades_closed", (long) closed.size());
        m.put("number_of_trades_opened", all.stream().filter(TradeInput::isOpen).count());
        m.put("win_rate", closed.isEmpty() ? 0.0
                : (double) closed.stream().filter(t -> t.netGain() > 0).count() / closed.size());
        m.put("current_win_rate", all.isEmpty() ? 0.0
                : (double) all.stream().filter(t -> t.netGainAbsolute() > 0).count() / all.size());
        m.put("win_loss_ratio", winLossRatio(closed, TradeInput::netGain));
        m.put("current_win_loss_ratio", winLossRatio(all, TradeInput::netGainAbsolute));
        notPersisted.put("current_average_trade_gain", m.get("average_trade_gain"));
        notPersisted.put("current_average_trade_return", mean(all, TradeInput::netGainAbsolute));
        notPersisted.put("current_average_trade_loss",
                mean(all.stream().filter(t -> t.netGainAbsolute() < 0).toList(), TradeInput::netGainAbsolute));
        notPersisted.put("current_average_trade_duration", mean(all, this::hoursToCloseOrEnd));
    }

    void putStreaks(Map<String, Object> m) {
        List<TradeInput> byClose = new ArrayList<>(closed);
        byClose.sort(Comparator.comparingLong(TradeInput::closedAtMicros)); // List.sort is stable
        m.put("max_consecutive_wins", longestRun(byClose, t -> t.netGainAbsolute() > 0));
        m.put("max_consecutive_losses", longestRun(byClose, t -> t.netGainAbsolute() <= 0));
    }

    private double perPeriod(long days, double periodDays) {
        if (all.isEmpty() || days <= 0) {
            return 0.0;
        }
        return all.size() / (days / periodDays);
    }

    private double closedHours(TradeInput t) {
        return Times.hours(t.closedAtMicros() - t.openedAtMicros());
    }

    private double hoursToCloseOrEnd(TradeInput t) {
        long end = t.hasCloseTime() ? t.closedAtMicros() : endMicros;
        return Times.hours(end - t.openedAtMicros());
    }

    /** {@code get_exposure_ratio}: merged time in the market, each trade clipped to the run. */
    private double exposureRatio() {
        long runMicros = endMicros - startMicros;
        if (all.isEmpty() || runMicros <= 0) {
            return 0.0;
        }
        List<long[]> intervals = new ArrayList<>();
        for (TradeInput t : all) {
            long entry = Math.max(t.openedAtMicros(), startMicros);
            long exit = Math.min(t.hasCloseTime() ? t.closedAtMicros() : endMicros, endMicros);
            if (exit > entry) {
                intervals.add(new long[] {entry, exit});
            }
        }
        if (intervals.isEmpty()) {
            return 0.0;
        }
        intervals.sort(Comparator.comparingLong(iv -> iv[0]));
        long total = 0;
        long curStart = intervals.get(0)[0];
        long curEnd = intervals.get(0)[1];
        for (long[] iv : intervals.subList(1, intervals.size())) {
            if (iv[0] <= curEnd) {
                curEnd = Math.max(curEnd, iv[1]);
            } else {
                total += curEnd - curStart;
                curStart = iv[0];
                curEnd = iv[1];
            }
        }
        total += curEnd - curStart;
        return Times.seconds(total) / Times.seconds(runMicros);
    }

    /** {@code get_cumulative_exposure}: summed holding times, not clipped to the start, so it can exceed 1. */
    private double cumulativeExposure() {
        long runMicros = endMicros - startMicros;
        if (all.isEmpty() || runMicros <= 0) {
            return 0.0;
        }
        long total = 0;
        for (TradeInput t : all) {
            long held = (t.hasCloseTime() ? t.closedAtMicros() : endMicros) - t.openedAtMicros();
            if (held > 0) {
                total += held;
            }
        }
        return Times.seconds(total) / Times.seconds(runMicros);
    }

    private double median() {
        if (all.isEmpty()) {
            return 0.0;
        }
        double[] gains = all.stream().mapToDouble(TradeInput::netGainAbsolute).toArray();
        Arrays.sort(gains);
        int n = gains.length;
        return n % 2 == 1 ? gains[n / 2] : (gains[n / 2 - 1] + gains[n / 2]) / 2;
    }

    private TradeCount count(Predicate<TradeInput> test) {
        long count = closed.stream().filter(test).count();
        return new TradeCount(count, closed.isEmpty() ? 0.0 : (double) count / closed.size() * 100);
    }

    /** best: first max by net_gain_absolute; worst: first min by net_gain (quirk 10). Null when there are no trades. */
    private Integer pick(boolean best) {
        int chosen = -1;
        for (int i = 0; i < all.size(); i++) {
            if (chosen < 0) {
                chosen = i;
            } else if (best ? all.get(i).netGainAbsolute() > all.get(chosen).netGainAbsolute()
                    : all.get(i).netGain() < all.get(chosen).netGain()) {
                chosen = i;
            }
        }
        return chosen < 0 ? null : chosen;
    }

    private static double winLossRatio(List<TradeInput> trades, ToDoubleFunction<TradeInput> gain) {
        if (trades.isEmpty()) {
            return 0.0;
        }
        List<TradeInput> wins = trades.stream().filter(t -> gain.applyAsDouble(t) > 0).toList();
        List<TradeInput> losses = trades.stream().filter(t -> gain.applyAsDouble(t) < 0).toList();
        if (wins.isEmpty()) {
            return 0.0;
        }
        if (losses.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        double averageLoss = Math.abs(mean(losses, gain));
        return averageLoss == 0 ? Double.POSITIVE_INFINITY : mean(wins, gain) / averageLoss;
    }

    private static long longestRun(List<TradeInput> trades, Predicate<TradeInput> test) {
        long best = 0;
        long run = 0;
        for (TradeInput t : trades) {
            run = test.test(t) ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    private static double percentageMean(List<TradeInput> trades) {
        return mean(trades.stream().filter(t -> t.cost() > 0).toList(), t -> t.netGainAbsolute() / t.cost());
    }

    private static double mean(List<TradeInput> trades, ToDoubleFunction<TradeInput> f) {
        if (trades.isEmpty()) {
            return 0.0;
        }
        double total = 0.0;
        for (TradeInput t : trades) {
            total += f.applyAsDouble(t);
        }
        return total / trades.size();
    }

    private static double sum(List<TradeInput> trades, Predicate<TradeInput> test, ToDoubleFunction<TradeInput> f) {
        double total = 0.0;
        for (TradeInput t : trades) {
            if (test.test(t)) {
                total += f.applyAsDouble(t);
            }
        }
        return total;
    }
}
