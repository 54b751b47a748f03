package dev.iafbt.index;

/**
 * One column of the {@code backtest_index} table: its name and the SQL type text the reference
 * declares for it ({@code TEXT PRIMARY KEY}, {@code TEXT}, {@code REAL} or {@code INTEGER}).
 */
public record IndexColumn(String name, String sqlType) {

    /** The column definition exactly as the reference's DDL writes it: {@code "name" TYPE}. */
    public String definition() {
        return '"' + name + "\" " + sqlType;
    }
}
