package dev.iafbt.index;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

/**
 * Index rows in PostgreSQL's binary {@code COPY} format: one tuple per row, the 68 columns in
 * physical order and then the row's position in its batch. Each value is what
 * {@link RowBinder#storedValue} gives the batched statement, written so that the server stores
 * exactly what that statement stores:
 * <ul>
 *   <li>null and NaN are NULL;</li>
 *   <li>a double is its 8 IEEE bytes, so every bit stays (±inf, -0.0, subnormals); a long in a
 *       double column is converted as PostgreSQL's int8-to-float8 cast does, to the nearest double;</li>
 *   <li>a double in an integer column becomes what PostgreSQL's float8-to-bigint assignment cast
 *       makes of a bound double: rounded half to even ({@code rint}), and outside the bigint range
 *       the same error, "bigint out of range";</li>
 *   <li>text is its UTF-8 bytes (the driver's client encoding), nothing escaped.</li>
 * </ul>
 * Binary rather than text: no double is printed and parsed again (printing 55 doubles a row cost
 * more client time than the whole batched bind).
 */
final class PostgresCopyBinary {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final char[] KINDS = columnKinds();
    /** 2^63: PostgreSQL's FLOAT8_FITS_IN_INT64 bound. */
    private static final double TWO_TO_63 = 0x1p63;

    private PostgresCopyBinary() {
    }

    /** {@code rows} as one binary COPY stream, the tuple of row {@code i} carrying position {@code i}. */
    static byte[] encode(List<IndexRow> rows) throws SQLException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows.size() * 1024);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            out.write(SIGNATURE);
            out.writeInt(0); // flags: no OIDs
            out.writeInt(0); // no header extension
            for (int i = 0; i < rows.size(); i++) {
                IndexRow row = rows.get(i);
                out.writeShort(KINDS.length + 1);
                for (int column = 0; column < KINDS.length; column++) {
                    writeValue(out, RowBinder.storedValue(row, column), KINDS[column]);
                }
                out.writeInt(4);
                out.writeInt(i);
            }
            out.writeShort(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array is never short of room
        }
        return bytes.toByteArray();
    }

    private static void writeValue(DataOutputStream out, Object value, char kind) throws IOException, SQLException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        switch (kind) {
            case 'R' -> {
                out.writeInt(8);
                out.writeLong(Double.doubleToRawLongBits(((Number) value).doubleValue()));
            }
            case 'I' -> {
                out.writeInt(8);
                out.writeLong(value instanceof Double d ? bigintOf(d) : ((Number) value).longValue());
            }
            default -> {
                byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
                out.writeInt(text.length);
                out.write(text);
            }
        }
    }

    /** PostgreSQL's {@code dtoi8}: {@code rint}, then the range check. */
    static long bigintOf(double value) throws SQLException {
        double rounded = Math.rint(value);
        if (!(rounded >= -TWO_TO_63 && rounded < TWO_TO_63)) {
            throw new SQLException("bigint out of range: " + value, "22003");
        }
        return (long) rounded;
    }

    /** Per column: 'T' text, 'R' double precision, 'I' bigint. */
    private static char[] columnKinds() {
        List<IndexColumn> columns = IndexSchema.columns();
        char[] kinds = new char[columns.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = switch (PostgresSchema.valueType(columns.get(i))) {
                case "DOUBLE PRECISION" -> 'R';
                case "BIGINT" -> 'I';
                default -> 'T';
            };
        }
        return kinds;
    }
}
