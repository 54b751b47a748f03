package dev.iafbt.metrics;

/**
 * One drawdown of an equity curve, as the reference's {@code get_max_drawdown_duration} walks it:
 * the peak (the last point at the running maximum), the first point below it (where the
 * reference starts counting days), the lowest point (valley) and the first point back at or above
 * the peak (recovery; {@code -1} when the curve ends under water). Indices point into the curve, so
 * a downsampled chart can keep these exact points. {@code depth} is {@code (valley - peak) / peak},
 * a fraction ≤ 0 as the reference's {@code max_drawdown} computes it ({@code -0.25} = 25% below the
 * peak; 0 when the peak is not positive).
 */
public record DrawdownPeriod(int peakIndex, int underwaterIndex, int valleyIndex, int recoveryIndex, long peakMillis,
        long underwaterMillis, long valleyMillis, long recoveryMillis, double depth) {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    public boolean recovered() {
        return recoveryIndex >= 0;
    }

    /**
     * Whole days under water as the reference's {@code max_drawdown_duration} counts them: from the
     * first point below the peak to the recovery, or to {@code endMillis} (the curve's last point)
     * when not recovered, floored.
     */
    public long lengthDays(long endMillis) {
        long end = recovered() ? recoveryMillis : endMillis;
        return Math.floorDiv(end - underwaterMillis, MILLIS_PER_DAY);
    }
}
