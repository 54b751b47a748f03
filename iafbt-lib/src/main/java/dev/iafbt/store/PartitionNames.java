package dev.iafbt.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Hive partition values as one folder-name segment: characters other than letters, digits and
 * {@code - _ .} are percent-encoded (UTF-8), as Spark and pyarrow's URI segment encoding do, so a
 * nested handle {@code sub/x} is the single folder {@code run_id=sub%2Fx} instead of breaking the
 * partition scheme as the reference's {@code run_id=sub/x/} does.
 */
final class PartitionNames {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PartitionNames() {
    }

    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.') {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return out.toString();
    }

    /** The inverse of {@link #encode}: {@code sub%2Fx} is {@code sub/x}. */
    static String decode(String segment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length()) {
                out.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
