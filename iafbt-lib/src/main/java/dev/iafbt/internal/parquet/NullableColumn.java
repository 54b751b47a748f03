package dev.iafbt.internal.parquet;

import java.util.Objects;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * One optional top-level column for {@link NullableColumnsWriter}: a name, a type that does not
 * depend on the values, and one cell per row ({@code null} for a missing value).
 *
 * @param name   column name
 * @param type   what the cells hold
 * @param values {@link String} cells for {@link Kind#STRING}, {@link Double} for {@link Kind#DOUBLE}
 *               (one cell per row)
 */
public record NullableColumn(String name, Kind type, Object[] values) {
    /** The column types Tier-2 datasets need. */
    public enum Kind {
        /** UTF-8 text: Parquet BINARY annotated STRING (Arrow {@code string}). */
        STRING,
        /** Parquet DOUBLE (Arrow {@code double}). */
        DOUBLE
    }

    public NullableColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(values, "values");
    }

    Type parquetType() {
        return type == Kind.STRING
                ? Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name)
                : Types.optional(PrimitiveTypeName.DOUBLE).named(name);
    }
}
