package dev.iafbt.index;

import java.util.Optional;

/** The reference's own SQL: the filter grammar is SQLite's, so everything renders as written. */
final class SqliteDialect implements SqlDialect {
    @Override
    public String name() {
        return "SQLite";
    }

    @Override
    public String rowOrder() {
        return "rowid";
    }

    @Override
    public String positiveInfinity() {
        return "9e999"; // SQLite reads an overflowing literal as +inf
    }

    @Override
    public String negativeInfinity() {
        return "-9e999";
    }

    @Override
    public String upsertSql() {
        return IndexUpsert.sql("INSERT OR REPLACE INTO", "");
    }

    @Override
    public Optional<String> filterFunction(String name) {
        return Optional.of(name);
    }

    @Override
    public Optional<String> filterKeyword(String keyword) {
        return Optional.of(keyword);
    }

    @Override
    public Optional<String> filterOperator(String operator) {
        return Optional.of(operator);
    }

    @Override
    public String filterNumber(String literal) {
        return literal;
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public String tableExistsSql() {
        return "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?";
    }
}
