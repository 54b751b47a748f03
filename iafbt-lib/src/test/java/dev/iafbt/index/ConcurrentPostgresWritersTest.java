package dev.iafbt.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iafbt.testing.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Several JVMs — standing in for indexers on several machines — upsert into one PostgreSQL table
 * at once, each its own rows plus rows all of them write, in batches whose locks collide: no row
 * is lost, none is duplicated, and every shared row holds one writer's whole row.
 */
class ConcurrentPostgresWritersTest {
    private static final int WRITERS = 4;
    private static final int OWN = 1500;
    private static final int SHARED = 300;

    @Test
    void severalJvmsUpsertIntoOneTableWithoutLosingOrDuplicatingARow() throws Exception {
        String url = EmbeddedPostgres.freshSchemaUrl();
        try (PostgresIndex index = PostgresIndex.open(url, EmbeddedPostgres.credentials())) {
            assertThat(index.count()).isZero(); // the schema exists before the children race
        }
        List<Process> children = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            children.add(child(url, w));
        }
        for (Process child : children) {
            assertThat(child.waitFor(180, TimeUnit.SECONDS)).as("writer finished").isTrue();
            assertThat(child.exitValue()).as("writer exit code").isZero();
        }
        try (PostgresIndex index = PostgresIndex.openReadOnly(url, EmbeddedPostgres.credentials())) {
            List<IndexRow> rows = index.rows();
            Set<String> paths = new HashSet<>();
            rows.forEach(r -> assertThat(paths.add(r.bundlePath())).as("duplicate %s", r.bundlePath()).isTrue());
            assertThat(rows).hasSize(WRITERS * OWN + SHARED);
            for (int w = 0; w < WRITERS; w++) {
                for (int i = 0; i < OWN; i++) {
                    assertThat(paths).contains("w" + w + "/b" + i + ".iafbt");
                }
            }
            for (IndexRow row : rows) {
                if (row.bundlePath().startsWith("shared/")) {
                    // the algorithm id and the provenance come from the same writer's row
                    assertThat(row.algorithmId()).isEqualTo("w" + row.bundleSize());
                }
            }
            assertThat(index.selectReadOnly("SELECT COUNT(DISTINCT \"_iafbt_order\") AS n FROM backtest_index", List.of())
                    .get(0).get("n")).isEqualTo((long) rows.size());
        }
    }

    private static Process child(String url, int writer) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ConcurrentUpsertMain.class.getName(), url, String.valueOf(writer), String.valueOf(OWN),
                String.valueOf(SHARED), "250", EmbeddedPostgres.USER)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
    }
}
