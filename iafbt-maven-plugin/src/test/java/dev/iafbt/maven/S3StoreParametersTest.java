package dev.iafbt.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.store.object.S3Settings;
import java.net.URI;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

/** The iafbt.s3.* parameters: what they turn into, and one clear message for each mistake. */
class S3StoreParametersTest {
    private static MigrateStoreMojo mojo() {
        MigrateStoreMojo mojo = new MigrateStoreMojo();
        mojo.s3Endpoint = "http://localhost:9000";
        mojo.s3PathStyle = true;
        mojo.s3Region = "eu-west-1";
        return mojo;
    }

    @Test
    void parametersBecomeTheStoresSettingsWithKeysFromTheDefaultChain() throws Exception {
        S3Settings settings = mojo().s3Settings("s3://team/sweeps");
        assertThat(settings.location().bucket()).isEqualTo("team");
        assertThat(settings.location().prefix()).isEqualTo("sweeps/");
        assertThat(settings.endpoint()).isEqualTo(URI.create("http://localhost:9000"));
        assertThat(settings.pathStyle()).isTrue();
        assertThat(settings.region()).isEqualTo("eu-west-1");
        assertThat(settings.keys()).as("the SDK's default chain").isNull();
    }

    @Test
    void aServerGivesTheKeysAndNoMessageShowsTheSecret() throws Exception {
        MigrateStoreMojo mojo = mojo();
        Server server = new Server();
        server.setId("minio");
        server.setUsername("AKIAEXAMPLE");
        server.setPassword("very-secret");
        mojo.settings = new Settings();
        mojo.settings.addServer(server);
        mojo.s3ServerId = "minio";
        S3Settings settings = mojo.s3Settings("s3://team");
        assertThat(settings.keys().accessKeyId()).isEqualTo("AKIAEXAMPLE");
        assertThat(settings.keys().secretAccessKey()).isEqualTo("very-secret");
        assertThat(settings.toString()).doesNotContain("very-secret");
        assertThat(mojo.describeS3("s3://team")).contains("<server> 'minio'").doesNotContain("very-secret")
                .doesNotContain("AKIAEXAMPLE");
    }

    @Test
    void mistakesAreOneMessageEach() {
        MigrateStoreMojo mojo = mojo();
        mojo.settings = new Settings();
        mojo.s3ServerId = "nowhere";
        assertThatThrownBy(() -> mojo.s3Settings("s3://team")).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("settings.xml has no <server> with that id");
        mojo.s3ServerId = null;
        mojo.s3Endpoint = "localhost:9000";
        assertThatThrownBy(() -> mojo.s3Settings("s3://team")).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("iafbt.s3.endpoint 'localhost:9000' is not an http(s) URL");
        mojo.s3Endpoint = null;
        assertThatThrownBy(() -> mojo.s3Settings("s3://")).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("expected s3://bucket/prefix");
    }
}
