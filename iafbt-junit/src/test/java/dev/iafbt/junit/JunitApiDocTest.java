package dev.iafbt.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/api.md lists every public type of the gates, which gate authors look for first. */
class JunitApiDocTest {
    @Test
    void everyPublicTypeIsInTheApiDoc() throws Exception {
        String api = Files.readString(Path.of("..", "docs", "api.md"));
        String section = api.substring(api.indexOf("## `dev.iafbt.junit`"));
        List<String> publicTypes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.iafbt.junit").stream().filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(JavaClass::isTopLevelClass).map(JavaClass::getSimpleName).toList();
        assertThat(publicTypes).contains("BacktestGate", "BacktestGates", "Toggle");
        assertThat(publicTypes).allSatisfy(name -> assertThat(section).contains("| `" + name + "` |"));
    }
}
