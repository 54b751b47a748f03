package dev.iafbt.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexScanTest {
    @TempDir
    Path dir;

    @Test
    void codePointOrderIsPythonsStrOrder() {
        // U+FF5E (BMP) sorts before U+1F600 (supplementary) in Python; UTF-16 compareTo says otherwise
        assertThat(IndexScan.compareCodePoints("\uFF5E", "\uD83D\uDE00")).isNegative();
        assertThat("\uFF5E".compareTo("\uD83D\uDE00")).isPositive();
        assertThat(IndexScan.compareCodePoints("a", "a.iafbt")).isNegative();
        assertThat(IndexScan.compareCodePoints("B", "a")).isNegative();
    }

    @Test
    void followsFileLinksButNotFolderLinks() throws IOException, InterruptedException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.write(outside.resolve("o.iafbt"), new byte[] {1});
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.write(root.resolve("real.iafbt"), new byte[] {1, 2});
        Files.createSymbolicLink(root.resolve("linked.iafbt"), outside.resolve("o.iafbt"));
        Files.createSymbolicLink(root.resolve("linkdir"), outside);
        Files.createSymbolicLink(root.resolve("dangling.iafbt"), dir.resolve("gone"));

        List<String> found = new ArrayList<>();
        List<Path> unreadable = new ArrayList<>();
        IndexScan.walk(root, new IndexScan.Visitor() {
            @Override
            public void bundle(Path file, String relative, BasicFileAttributes attrs) {
                found.add(relative + ":" + attrs.size());
            }

            @Override
            public void unreadable(Path path, IOException error) {
                unreadable.add(path);
            }
        });

        assertThat(found).containsExactly("linked.iafbt:1", "real.iafbt:2");
        assertThat(unreadable).containsExactly(root.resolve("dangling.iafbt"));
    }
}
