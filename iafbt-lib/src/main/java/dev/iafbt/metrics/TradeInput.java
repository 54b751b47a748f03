package dev.iafbt.metrics;

/**
 * What the metrics read of one trade. Times are UTC epoch microseconds (the reference's datetime
 * resolution); {@code closedAtMicros} is {@link Long#MIN_VALUE} while the trade is open, and
 * {@code lastReportedPrice} NaN when the trade never had a price report.
 *
 * @param status {@code OPEN}, {@code CLOSED} or {@code CREATED}
 */
public record TradeInput(String status, double netGain, double cost, double amount, double openPrice,
        double availableAmount, double lastReportedPrice, long openedAtMicros, long closedAtMicros) {
    /** Marks a trade without a close time. */
    public static final long NOT_CLOSED = Long.MIN_VALUE;

    public boolean isClosed() {
        return "CLOSED".equals(status);
    }

    public boolean isOpen() {
        return "OPEN".equals(status);
    }

    public boolean hasCloseTime() {
        return closedAtMicros != NOT_CLOSED;
    }

    /**
     * The reference's {@code Trade.net_gain_absolute}: the realised gain of a closed trade; for any
     * other, plus the unrealised gain of what is still held at the last reported price.
     */
    public double netGainAbsolute() {
        if (isClosed() || Double.isNaN(lastReportedPrice)) {
            return netGain;
        }
        return netGain + availableAmount * (lastReportedPrice - openPrice);
    }
}
