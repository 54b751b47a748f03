package dev.iafbt.testing;

import dev.iafbt.store.ObjectTieredStore;
import dev.iafbt.index.IndexCredentials;
import dev.iafbt.store.object.S3Location;
import dev.iafbt.store.object.S3ObjectStorage;
import dev.iafbt.store.object.S3Settings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 protocol server for tests: s3proxy in-process on its filesystem backend, bound to
 * 127.0.0.1 on a free port, with SigV4 authentication and fixed test keys. Shared through the
 * test jar so other modules' tests and invoker builds can start one too:
 *
 * <pre>{@code
 * try (S3Server server = S3Server.start(tempDir)) {
 *     S3Settings settings = server.settings(server.newBucket());   // s3://<fresh bucket>/store/
 * }
 * }</pre>
 */
public final class S3Server implements AutoCloseable {
    public static final String ACCESS_KEY = "iafbt-test-access";
    public static final String SECRET_KEY = "iafbt-test-secret";

    private final S3Proxy proxy;
    private final URI endpoint;
    private final Path dir;

    private S3Server(S3Proxy proxy, URI endpoint, Path dir) {
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.dir = dir;
    }

    private static S3Server shared;

    /**
     * One server for the whole test JVM (in a temp folder, stopped when the JVM exits): starting
     * one costs about a second, so tests share it and isolate themselves by bucket.
     */
    public static synchronized S3Server shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("iafbt-s3proxy-");
                shared = start(dir);
                S3Server server = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    server.close();
                    deleteTree(dir);
                }));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot create a folder for s3proxy: " + e, e);
            }
        }
        return shared;
    }

    /** Starts a server keeping its buckets under {@code dir}. */
    public static S3Server start(Path dir) {
        try {
            Files.createDirectories(dir);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(new FilesystemNio2BlobStore(dir.toAbsolutePath().toString()))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("s3proxy did not start within 30 s: " + proxy.getState());
                }
                Thread.sleep(5);
            }
            return new S3Server(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()), dir.toAbsolutePath());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start s3proxy under " + dir + ": " + e, e);
        }
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temp folder left behind is no test failure
        }
    }

    /**
     * Makes an object look {@code age} old: the filesystem backend reports a file's modification
     * time as the object's Last-Modified, which is what grace periods count from.
     */
    public void age(String bucket, String key, java.time.Duration age) {
        try {
            Files.setLastModifiedTime(dir.resolve(bucket).resolve(key),
                    java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(age)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot age s3://" + bucket + "/" + key + ": " + e, e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Creates a bucket with a fresh name and returns it. */
    public String newBucket() {
        String bucket = "iafbt-" + UUID.randomUUID().toString().substring(0, 8);
        createBucket(bucket);
        return bucket;
    }

    public void createBucket(String bucket) {
        try (S3Client client = client()) {
            client.createBucket(b -> b.bucket(bucket));
        }
    }

    /** A plain SDK client with the test keys, for tests that look behind the store's back. */
    public S3Client client() {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    /** A store in a fresh bucket of this server, its Tier 1 at {@code tier1} (a SQLite file or a JDBC URL). */
    public ObjectTieredStore newStore(String tier1) {
        return new ObjectTieredStore(S3ObjectStorage.open(settings(newBucket())), tier1, IndexCredentials.NONE);
    }

    /** Settings for {@code s3://bucket/store/} on this server, with the test keys. */
    public S3Settings settings(String bucket) {
        return settings(bucket, "store/");
    }

    public S3Settings settings(String bucket, String prefix) {
        return new S3Settings(new S3Location(bucket, prefix), endpoint, "us-east-1", true,
                new S3Settings.Keys(ACCESS_KEY, SECRET_KEY));
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop s3proxy: " + e, e);
        }
    }
}
