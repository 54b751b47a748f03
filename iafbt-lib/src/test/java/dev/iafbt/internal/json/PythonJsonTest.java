package dev.iafbt.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings were produced by CPython 3.11 {@code repr} / {@code json.dumps(default=str)}. */
class PythonJsonTest {

    @ParameterizedTest
    @CsvSource({
        "1e16, 1e+16", "0.0001, 0.0001", "1e-05, 1e-05", "100.0, 100.0", "0.1, 0.1",
        "0.3333333333333333, 0.3333333333333333", "123456789012345678.0, 1.2345678901234568e+17",
        "1.5e-7, 1.5e-07", "-0.0, -0.0", "2e23, 2e+23", "4.9e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308", "9999999999999998.0, 9999999999999998.0",
        "0.30000000000000004, 0.30000000000000004", "1e22, 1e+22", "12345.678, 12345.678",
        "-2.5, -2.5", "1.0, 1.0", "1e15, 1000000000000000.0"
    })
    void floatReprMatchesPython(double value, String expected) {
        assertThat(PythonFloats.repr(value)).isEqualTo(expected);
    }

    @Test
    void nonFiniteFloatsUsePythonTokens() {
        assertThat(PythonFloats.repr(Double.NaN)).isEqualTo("nan");
        assertThat(PythonJson.dumps(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)))
                .isEqualTo("[NaN, Infinity, -Infinity]");
    }

    @Test
    void dumpsLikePythonWithEnsureAsciiAndDefaultStr() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("b", List.of(1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        map.put("é", "ü😀\n\t\"\\\u007f\u0001");
        map.put("n", null);
        map.put("t", true);
        map.put(1, "int key");
        map.put(null, 0);
        map.put(2.5, "f");
        map.put("d", LocalDate.of(2020, 1, 2)); // default=str
        assertThat(PythonJson.dumps(map)).isEqualTo("{\"a\": 1, \"b\": [1.5, NaN, Infinity, -Infinity], "
                + "\"\\u00e9\": \"\\u00fc\\ud83d\\ude00\\n\\t\\\"\\\\\\u007f\\u0001\", \"n\": null, "
                + "\"t\": true, \"1\": \"int key\", \"null\": 0, \"2.5\": \"f\", \"d\": \"2020-01-02\"}");
    }

    @Test
    void loadsWhatDumpsWrites() {
        String text = "{\"fast\": 6, \"slow\": 58, \"win\": 1.5, \"lst\": [1, 2], \"dt\": \"2020-01-01T00:00:00\","
                + " \"big\": 1099511627776, \"neg\": -129, \"u\": \"\\u00fc\\ud83d\\ude00\", \"x\": NaN,"
                + " \"i\": -Infinity, \"e\": 1e-05, \"n\": null, \"b\": false, \"o\": {}}";
        Object parsed = PythonJson.loads(text);
        assertThat(parsed).isInstanceOf(Map.class);
        Map<?, ?> map = (Map<?, ?>) parsed;
        assertThat(map.get("fast")).isEqualTo(6L);
        assertThat(map.get("big")).isEqualTo(1099511627776L);
        assertThat(map.get("u")).isEqualTo("ü😀");
        assertThat((Double) map.get("x")).isNaN();
        assertThat(map.get("lst")).isEqualTo(Arrays.asList(1L, 2L));
        assertThat(PythonJson.dumps(parsed)).isEqualTo(text);
    }

    @Test
    void malformedJsonIsRefusedWithItsOffset() {
        assertThatThrownBy(() -> PythonJson.loads("{\"a\": }")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset");
        assertThatThrownBy(() -> PythonJson.loads("[1] x")).hasMessageContaining("extra data");
    }
}
