package dev.iafbt.store.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iafbt.internal.chunk.ChunkNames;
import dev.iafbt.testing.S3Server;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The object layer against a real S3 protocol server (s3proxy): what the store's protocols rely on. */
class S3ObjectStorageTest {
    @TempDir
    static Path dir;
    static S3Server server;

    @BeforeAll
    static void start() {
        server = S3Server.start(dir.resolve("s3"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static S3ObjectStorage storage() {
        return S3ObjectStorage.open(server.settings(server.newBucket()));
    }

    @Test
    void conditionalPutCreatesOnceAndNeverOverwrites() {
        try (S3ObjectStorage storage = storage()) {
            byte[] first = "first".getBytes(StandardCharsets.UTF_8);
            byte[] second = "second".getBytes(StandardCharsets.UTF_8);
            assertThat(storage.putIfAbsent("k", first, ChunkNames.sha256Hex(first))).isTrue();
            assertThat(storage.putIfAbsent("k", second, ChunkNames.sha256Hex(second))).isFalse();
            assertThat(storage.get("k")).hasValueSatisfying(b -> assertThat(b).isEqualTo(first));
            assertThat(storage.counters().conditionalCreated()).isEqualTo(1);
            assertThat(storage.counters().conditionalAlreadyThere()).isEqualTo(1);
        }
    }

    @Test
    void serverRefusesABodyThatDoesNotMatchItsSha256() {
        try (S3ObjectStorage storage = storage()) {
            byte[] body = "the real body".getBytes(StandardCharsets.UTF_8);
            String wrong = ChunkNames.sha256Hex("another body".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> storage.putIfAbsent("c", body, wrong))
                    .isInstanceOf(ObjectStorageException.class)
                    .hasMessageContaining(storage.uri("c")).hasMessageContaining("HTTP 400");
            assertThat(storage.head("c")).isEmpty();
        }
    }

    @Test
    void serverChecksTheChecksumHeaderOnAPlainSdkPutToo() {
        String bucket = server.newBucket();
        try (S3Client client = server.client()) {
            String wrong = Base64.getEncoder().encodeToString(new byte[32]);
            assertThatThrownBy(() -> client.putObject(b -> b.bucket(bucket).key("x").checksumSHA256(wrong),
                    RequestBody.fromString("body")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        }
    }

    @Test
    void rangedGetsReturnOnlyTheRange() {
        try (S3ObjectStorage storage = storage()) {
            byte[] body = new byte[10_000];
            for (int i = 0; i < body.length; i++) {
                body[i] = (byte) i;
            }
            storage.put("big", body);
            long before = storage.counters().bytesDownloaded();
            assertThat(storage.getRange("big", 100, 50)).hasValueSatisfying(part -> {
                assertThat(part).hasSize(50);
                assertThat(part[0]).isEqualTo((byte) 100);
            });
            assertThat(storage.counters().bytesDownloaded() - before).isEqualTo(50);
            assertThat(storage.getRange("big", 9_990, 50)).hasValueSatisfying(part -> assertThat(part).hasSize(10));
            assertThat(storage.getRange("absent", 0, 10)).isEmpty();
            assertThat(storage.head("big")).hasValueSatisfying(info -> assertThat(info.size()).isEqualTo(10_000));
        }
    }

    @Test
    void listingFollowsPagesPastOneThousandKeysAndBatchDeleteEmptiesThem() {
        try (S3ObjectStorage storage = storage()) {
            List<String> keys = IntStream.range(0, 1_005).mapToObj(i -> String.format("p/%05d", i)).toList();
            keys.parallelStream().forEach(key -> storage.put(key, new byte[] {1}));
            long requests = storage.counters().requests();
            List<String> listed = new ArrayList<>();
            storage.list("p/", info -> listed.add(info.key()));
            assertThat(listed).containsExactlyElementsOf(keys);
            assertThat(storage.counters().requests() - requests).as("list pages").isEqualTo(2);
            storage.deleteAll(keys);
            List<String> after = new ArrayList<>();
            storage.list("p/", info -> after.add(info.key()));
            assertThat(after).isEmpty();
        }
    }

    @Test
    void wrongBucketEndpointOrKeysIsOneClearMessage() {
        assertThatThrownBy(() -> S3ObjectStorage.open(server.settings("no-such-bucket-here")))
                .isInstanceOf(ObjectStorageException.class)
                .hasMessageContaining("bucket 'no-such-bucket-here' does not exist");
        String bucket = server.newBucket();
        S3Settings wrongKeys = server.settings(bucket).withKeys(new S3Settings.Keys(S3Server.ACCESS_KEY, "wrong"));
        assertThatThrownBy(() -> S3ObjectStorage.open(wrongKeys))
                .isInstanceOf(ObjectStorageException.class)
                .hasMessageContaining("HTTP 403").hasMessageContaining("check the credentials")
                .hasMessageNotContaining("wrong");
        S3Settings nowhere = server.settings(bucket).withEndpoint(java.net.URI.create("http://127.0.0.1:1"), true);
        assertThatThrownBy(() -> S3ObjectStorage.open(nowhere))
                .isInstanceOf(ObjectStorageException.class)
                .hasMessageContaining("cannot reach http://127.0.0.1:1");
    }
}
