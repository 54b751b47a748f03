package dev.iafbt.report;

/**
 * One drawdown: from the peak before it to its lowest point (valley) and back to the peak's value
 * (recovery; {@code -1} while it has not recovered at the end of the series). Indices point into
 * the equity series, so downsampling can keep these exact points. {@code depth} is a fraction
 * ≤ 0 ({@code -0.25} = 25% below the peak).
 */
public record DrawdownPeriod(int peakIndex, int valleyIndex, int recoveryIndex, long peakMillis, long valleyMillis,
        long recoveryMillis, double depth) {

    public boolean recovered() {
        return recoveryIndex >= 0;
    }

    /** Calendar days from the peak to the recovery, or to {@code endMillis} when not recovered. */
    public long lengthDays(long endMillis) {
        long end = recovered() ? recoveryMillis : endMillis;
        return (end - peakMillis) / 86_400_000L;
    }
}
