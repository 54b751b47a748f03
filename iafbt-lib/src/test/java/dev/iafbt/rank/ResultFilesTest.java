package dev.iafbt.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.testing.AwkwardRows;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultFilesTest {
    private final List<Map<String, Object>> rows = AwkwardRows.rows();
    private final List<String> columns = AwkwardRows.COLUMNS;

    @Test
    void csvIsLocaleIndependentAndQuoted() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY); // decimal comma must not leak in
            assertThat(ResultFiles.csv(rows, columns)).isEqualTo(
                    "id,x,n\n\"a,\"\"b\"\"\",1.5,3\n\"é\n\",Infinity,\n,1e-05,-2\nz,-Infinity,0\n");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void jsonIsStrictAndShapedLikePythonIndent2() {
        assertThat(ResultFiles.json(rows.subList(0, 2), columns)).isEqualTo("[\n"
                + "  {\n    \"id\": \"a,\\\"b\\\"\",\n    \"x\": 1.5,\n    \"n\": 3\n  },\n"
                + "  {\n    \"id\": \"\\u00e9\\n\",\n    \"x\": \"Infinity\",\n    \"n\": null\n  }\n]\n");
        assertThat(ResultFiles.json(List.of(), columns)).isEqualTo("[]\n");
        assertThat(ResultFiles.number(Double.NaN)).isEqualTo("NaN");
        assertThat(ResultFiles.number(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    }
}
