package dev.iafbt.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.testing.AwkwardRows;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableFormatTest {
    private final List<Map<String, Object>> rows = AwkwardRows.rows();
    private final List<String> columns = AwkwardRows.COLUMNS;

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
