package dev.iafbt.store.object;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import dev.iafbt.internal.chunk.ChunkNames;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link ObjectStorage} on any S3-compatible server through the AWS SDK v2 {@code s3} client, with
 * the SDK's standard retry mode (backoff with jitter on throttling and 5xx). Every failure becomes
 * one {@link ObjectStorageException} naming the object's URI, the endpoint and what to check.
 *
 * <p>This class needs {@code software.amazon.awssdk:s3} on the class path (iafbt-lib declares it
 * optional). {@link S3Runtime#open(S3Settings)} opens it with a typed error when the SDK is missing,
 * and {@link S3Runtime#open(S3Settings, java.util.List)} with SDK jars kept apart from the caller's
 * class path. {@link S3Runtime} defines a copy of this class (and {@code S3Failures}) in that
 * isolating loader, so both may use only public members of the package's other types.
 */
public final class S3ObjectStorage implements ObjectStorage {
    /** DeleteObjects takes at most this many keys. */
    private static final int DELETE_BATCH = 1000;
    private static final int CONFLICT_RETRIES = 5;

    private final S3Client client;
    private final S3Settings settings;
    private final String bucket;
    private final String prefix;
    private final TransferCounters counters = new TransferCounters();

    private S3ObjectStorage(S3Client client, S3Settings settings) {
        this.client = client;
        this.settings = settings;
        this.bucket = settings.location().bucket();
        this.prefix = settings.location().prefix();
    }

    /**
     * Connects and checks that the bucket is there and the credentials may use it, so a wrong
     * endpoint, bucket or key fails here with one clear message instead of at the first write.
     */
    public static S3ObjectStorage open(S3Settings settings) {
        return open(settings, List.of());
    }

    /** As {@link #open(S3Settings)}, with SDK interceptors on every request (tests inject faults with them). */
    public static S3ObjectStorage open(S3Settings settings, List<ExecutionInterceptor> interceptors) {
        S3ObjectStorage storage = new S3ObjectStorage(client(settings, interceptors), settings);
        try {
            storage.counters.request();
            storage.client.headBucket(b -> b.bucket(storage.bucket));
        } catch (SdkException e) {
            storage.close();
            throw storage.failure("cannot open the store", "", e);
        }
        return storage;
    }

    private static S3Client client(S3Settings settings, List<ExecutionInterceptor> interceptors) {
        S3ClientBuilder builder = S3Client.builder()
                .region(region(settings.region()))
                .credentialsProvider(credentials(settings.keys()))
                .forcePathStyle(settings.pathStyle())
                .overrideConfiguration(o -> {
                    o.retryStrategy(RetryMode.STANDARD);
                    interceptors.forEach(o::addExecutionInterceptor);
                });
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    private static Region region(String name) {
        if (name != null && !name.isBlank()) {
            return Region.of(name);
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkException e) {
            return Region.US_EAST_1; // S3-compatible servers mostly ignore it; AWS redirects are reported
        }
    }

    private static AwsCredentialsProvider credentials(S3Settings.Keys keys) {
        if (keys == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey()));
    }

    @Override
    public String root() {
        return settings.location().toString();
    }

    @Override
    public boolean putIfAbsent(String key, byte[] body, String sha256Hex) {
        for (int attempt = 1; ; attempt++) {
            try {
                put(key, body, sha256Hex, true);
                counters.conditionalPut(true);
                return true;
            } catch (S3Exception e) {
                if (e.statusCode() == 412) {
                    counters.conditionalPut(false);
                    return false;
                }
                // 409: another conditional PUT of the same key is in flight (AWS); ask again
                if (e.statusCode() != 409 || attempt >= CONFLICT_RETRIES) {
                    throw failure("conditional PUT failed", key, e);
                }
            } catch (SdkException e) {
                throw failure("conditional PUT failed", key, e);
            }
        }
    }

    @Override
    public void put(String key, byte[] body) {
        try {
            put(key, body, ChunkNames.sha256Hex(body), false);
        } catch (SdkException e) {
            throw failure("PUT failed", key, e);
        }
    }

    private void put(String key, byte[] body, String sha256Hex, boolean ifAbsent) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(prefix + key)
                .contentLength((long) body.length)
                .checksumSHA256(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex)));
        if (ifAbsent) {
            request.ifNoneMatch("*");
        }
        counters.request();
        client.putObject(request.build(), RequestBody.fromBytes(body));
        counters.uploaded(body.length);
    }

    @Override
    public Optional<byte[]> get(String key) {
        return fetch(key, null, "GET failed");
    }

    @Override
    public Optional<byte[]> getRange(String key, long from, int length) {
        return fetch(key, "bytes=" + from + "-" + (from + length - 1), "ranged GET failed");
    }

    /** A GET, of a range when {@code range} is set: empty for no object, nothing for a range past the end. */
    private Optional<byte[]> fetch(String key, String range, String what) {
        try {
            counters.request();
            ResponseBytes<GetObjectResponse> bytes = client.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + key)
                    .range(range));
            byte[] body = bytes.asByteArrayUnsafe();
            counters.downloaded(body.length);
            return Optional.of(body);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            if (e.statusCode() == 416 && range != null) {
                return Optional.of(new byte[0]); // the range starts at or past the end
            }
            throw failure(what, key, e);
        } catch (SdkException e) {
            throw failure(what, key, e);
        }
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
        try {
            counters.request();
            HeadObjectResponse head = client.headObject(b -> b.bucket(bucket).key(prefix + key));
            return Optional.of(new ObjectInfo(key, head.contentLength(), head.lastModified()));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("HEAD failed", key, e);
        } catch (SdkException e) {
            throw failure("HEAD failed", key, e);
        }
    }

    @Override
    public void list(String keyPrefix, Consumer<ObjectInfo> each) {
        String token = null;
        try {
            do {
                ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket)
                        .prefix(prefix + keyPrefix);
                if (token != null) {
                    request.continuationToken(token);
                }
                counters.request();
                ListObjectsV2Response page = client.listObjectsV2(request.build());
                for (S3Object object : page.contents()) {
                    each.accept(new ObjectInfo(object.key().substring(prefix.length()), object.size(),
                            object.lastModified()));
                }
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
        } catch (SdkException e) {
            throw failure("LIST failed", keyPrefix, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            counters.request();
            client.deleteObject(b -> b.bucket(bucket).key(prefix + key));
        } catch (SdkException e) {
            throw failure("DELETE failed", key, e);
        }
    }

    @Override
    public void deleteAll(Collection<String> keys) {
        List<String> all = new ArrayList<>(keys);
        for (int start = 0; start < all.size(); start += DELETE_BATCH) {
            List<ObjectIdentifier> batch = all.subList(start, Math.min(all.size(), start + DELETE_BATCH)).stream()
                    .map(key -> ObjectIdentifier.builder().key(prefix + key).build()).toList();
            DeleteObjectsResponse response;
            try {
                counters.request();
                response = client.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(batch).quiet(true)
                        .build()));
            } catch (SdkException e) {
                throw failure("DELETE of " + batch.size() + " objects failed", batch.get(0).key().substring(prefix.length()), e);
            }
            if (response.hasErrors() && !response.errors().isEmpty()) {
                var first = response.errors().get(0);
                throw new ObjectStorageException(uri(first.key().substring(prefix.length())) + ": DELETE failed ("
                        + first.code() + ": " + first.message() + "), and " + (response.errors().size() - 1)
                        + " more in the same batch");
            }
        }
    }

    @Override
    public TransferCounters counters() {
        return counters;
    }

    @Override
    public void close() {
        client.close();
    }

    /** One message: the object, the endpoint and what to check; the SDK's own text, never a secret. */
    private ObjectStorageException failure(String what, String key, SdkException e) {
        return new ObjectStorageException(uri(key) + " at " + settings.endpointName() + ": " + what + ": "
                + S3Failures.explain(e, settings), e);
    }

    @Override
    public String toString() {
        return "S3ObjectStorage[" + root() + " at " + settings.endpointName() + "]";
    }
}
