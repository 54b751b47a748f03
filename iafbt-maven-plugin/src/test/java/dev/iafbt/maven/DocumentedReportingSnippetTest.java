package dev.iafbt.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/report.md's {@code mvn site} snippet is what the report-site-maven38 IT builds under Maven
 * 3.8.7, apart from the plugin version the IT fills in: a change to one fails until the other follows.
 */
class DocumentedReportingSnippetTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void theSiteSnippetIsWhatTheMaven38ItBuilds() throws IOException {
        Matcher block = Pattern.compile("### In `mvn site`.*?```xml\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(ROOT.resolve("docs/report.md")));
        assertThat(block.find()).as("docs/report.md has the mvn site snippet").isTrue();
        String documented = normalize(block.group(1).replaceAll("<version>\\d[^<]*-SNAPSHOT</version>",
                "<version>@project.version@</version>"));
        String tested = normalize(Files.readString(ROOT.resolve("src/it/plugin/report-site-maven38/pom.xml")));
        assertThat(tested).contains(documented);
    }

    private static String normalize(String xml) {
        return xml.replaceAll("(?m)^\\s+", "").strip();
    }
}
