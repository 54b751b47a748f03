package dev.iafbt.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The POM in docs/junit.md is the one the integration tests build: the passing gate IT's pom.xml,
 * with its version placeholders and artifact id filled in. So a change to one fails until the
 * other follows, and the documented POM is known to work. Likewise the README's short gate class.
 */
class DocumentedPomTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void theDocumentedPomIsTheOneTheGateItBuilds() throws IOException {
        Matcher block = Pattern.compile("## A complete POM.*?```xml\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(ROOT.resolve("docs/junit.md")));
        assertThat(block.find()).as("docs/junit.md has a '## A complete POM' section with an xml block").isTrue();
        String documented = normalize(block.group(1));
        String tested = normalize(Files.readString(ROOT.resolve("src/it/junit/gate-passes/pom.xml")));

        String shape = Pattern.quote(tested)
                .replace("@project.version@", "\\E[0-9][^<]*\\Q")
                .replace("@junit.version@", "\\E[56]\\.[^<]+\\Q")
                .replace("<artifactId>gate-passes</artifactId>", "<artifactId>\\E[a-z-]+\\Q</artifactId>");
        assertThat(documented).matches(shape);
    }

    /** The README's short gate is the class the Maven 3.8.7 IT (readme-gate-maven38) compiles and runs, unchanged. */
    @Test
    void theReadmeGateIsTheClassTheMaven38ItRuns() throws IOException {
        Matcher block = Pattern.compile("Add `dev\\.iafbt:iafbt-junit` as a test dependency.*?```java\\n(.*?)```",
                Pattern.DOTALL).matcher(Files.readString(ROOT.resolve("README.md")));
        assertThat(block.find()).as("README.md has the iafbt-junit gate snippet").isTrue();
        assertThat(Files.readString(ROOT.resolve("src/it/junit/readme-gate-maven38/src/test/java/StrategyGateTest.java")))
                .isEqualTo(block.group(1));
    }

    /** Without the XML declaration, the comment naming the IT's scenario, and indentation. */
    private static String normalize(String pom) {
        return pom.replaceAll("<\\?xml[^>]*\\?>", "")
                .replaceFirst("^\\s*<!--[^>]*-->", "")
                .replaceAll("(?m)^\\s+", "")
                .strip();
    }
}
