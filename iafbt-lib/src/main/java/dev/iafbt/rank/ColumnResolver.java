package dev.iafbt.rank;

import dev.iafbt.model.SummaryField;
import java.util.List;
import java.util.Optional;

/**
 * Maps a user's column name to a column of the index table, as the reference's
 * {@code _resolve_metric_column}: a bare summary field name such as
 * {@code sharpe_ratio} becomes {@code summary_sharpe_ratio}, anything else is taken verbatim. Unlike
 * the reference, which double-quotes the name unchecked (so an unknown sort column silently sorts
 * by a string constant), an unknown name is an error that lists the valid ones.
 */
final class ColumnResolver {
    private final List<String> tableColumns;

    ColumnResolver(List<String> tableColumns) {
        this.tableColumns = tableColumns;
    }

    /** The column name a user's name refers to, before checking that the table has it. */
    static String columnName(String name) {
        if (name.startsWith(SummaryField.COLUMN_PREFIX)) {
            return name;
        }
        return SummaryField.byKey(name).map(SummaryField::column).orElse(name);
    }

    /** The table column for {@code name}, if the table has it. */
    Optional<String> find(String name) {
        String column = columnName(name);
        return tableColumns.contains(column) ? Optional.of(column) : Optional.empty();
    }

    /** The table column for {@code name}; {@code role} says where it was used, for the message. */
    String resolve(String name, String role) {
        return find(name).orElseThrow(() -> unknown(name, role));
    }

    QueryException unknown(String name, String role) {
        return new QueryException(ColumnSuggestions.unknownColumn(name, role, tableColumns));
    }
}
