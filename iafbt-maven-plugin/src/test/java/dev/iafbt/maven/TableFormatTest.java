package dev.iafbt.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableFormatTest {
    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            row.put((String) kv[i], kv[i + 1]);
        }
        return row;
    }

    private final List<Map<String, Object>> rows = List.of(
            row("id", "a,\"b\"", "x", 1.5, "n", 3L),
            row("id", "é\n", "x", Double.POSITIVE_INFINITY, "n", null),
            row("id", null, "x", 1e-5, "n", -2L),
            row("id", "z", "x", Double.NEGATIVE_INFINITY, "n", 0L));
    private final List<String> columns = List.of("id", "x", "n");

    @Test
    void tableMatchesTheReferenceLayout() {
        List<String> lines = TableFormat.lines(rows, columns);
        assertThat(lines).containsExactly(
                "id     x       n",
                "-----  ------  --",
                "a,\"b\"  1.5000  3",
                "é\n     inf",
                "       0.0000  -2",
                "z      -inf    0");
        assertThat(TableFormat.lines(List.of(), columns)).containsExactly("(no rows)");
        assertThat(Arrays.asList(TableFormat.fixed4(-0.0), TableFormat.fixed4(-0.00001), TableFormat.fixed4(0.03125),
                TableFormat.fixed4(Double.NaN))).containsExactly("-0.0000", "-0.0000", "0.0312", "nan");
    }
}
