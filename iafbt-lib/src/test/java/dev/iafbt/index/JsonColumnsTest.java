package dev.iafbt.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the index stores parameters and metadata as JSON text. */
class JsonColumnsTest {
    @Test
    void emptyCollectionsAndUnconvertibleKeysEncodeAsNull() {
        assertThat(JsonColumns.encode(Map.of())).isNull();
        assertThat(JsonColumns.encode(List.of())).isNull();
        assertThat(JsonColumns.encode(Map.of(List.of(1), 1))).isNull(); // Python: TypeError → NULL
    }
}
