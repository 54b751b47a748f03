package dev.iafbt.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.util.VersionInfo;

/**
 * The AWS SDK stays off the plugin's class path, and what an {@code s3://} goal resolves instead is
 * the SDK this build used.
 */
class AwsSdkArtifactsTest {
    /** The descriptor Maven builds the plugin's class realm from (written before the tests run). */
    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");

    @Test
    void thePluginDescriptorListsNoAwsSdkArtifact() throws Exception {
        String descriptor = Files.readString(DESCRIPTOR);
        String dependencies = descriptor.substring(descriptor.lastIndexOf("<dependencies>"));
        Matcher groups = Pattern.compile("<groupId>([^<]+)</groupId>").matcher(dependencies);
        List<String> groupIds = groups.results().map(m -> m.group(1)).toList();
        assertThat(groupIds).as("the plugin's runtime dependencies").contains("dev.iafbt")
                .noneMatch(group -> group.startsWith("software.amazon"));
    }

    @Test
    void resolvesTheSdkVersionThisBuildUsedWithoutNetty() {
        AwsSdkArtifacts sdk = AwsSdkArtifacts.ofThisBuild();
        assertThat(sdk.coordinates()).isEqualTo("software.amazon.awssdk:s3:" + VersionInfo.SDK_VERSION);
        assertThat(sdk.exclusions()).singleElement().satisfies(e -> {
            assertThat(e.getGroupId()).isEqualTo("software.amazon.awssdk");
            assertThat(e.getArtifactId()).isEqualTo("netty-nio-client");
        });
    }
}
