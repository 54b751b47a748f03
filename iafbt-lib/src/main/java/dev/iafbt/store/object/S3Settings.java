package dev.iafbt.store.object;

import java.net.URI;

/**
 * How to reach an S3-compatible store. Credentials come from the SDK's default chain
 * (environment, {@code ~/.aws} profile, instance role) unless {@link #keys} are given (a Maven
 * {@code <server>}); they are never part of a message or {@link #toString()}. Nothing here refers
 * to the AWS SDK, so settings are built and passed around without it ({@link S3Runtime} opens them
 * through an isolated copy of the SDK when the caller's class path has none).
 *
 * @param location     bucket and prefix
 * @param endpoint     an S3-compatible server ({@code http://host:9000}), or null for AWS
 * @param region       the signing region, or null: the SDK's region chain, else {@code us-east-1}
 * @param pathStyle    {@code http://host/bucket/key} addressing, which most S3-compatible servers need
 * @param keys         explicit keys, or null for the default chain
 */
public record S3Settings(S3Location location, URI endpoint, String region, boolean pathStyle, Keys keys) {
    /** The default chain's credentials, AWS's own endpoint. */
    public static S3Settings of(S3Location location) {
        return new S3Settings(location, null, null, false, null);
    }

    public S3Settings withEndpoint(URI newEndpoint, boolean newPathStyle) {
        return new S3Settings(location, newEndpoint, region, newPathStyle, keys);
    }

    public S3Settings withRegion(String newRegion) {
        return new S3Settings(location, endpoint, newRegion, pathStyle, keys);
    }

    public S3Settings withKeys(Keys newKeys) {
        return new S3Settings(location, endpoint, region, pathStyle, newKeys);
    }

    /** The endpoint as messages show it. */
    public String endpointName() {
        return endpoint == null ? "AWS S3" : endpoint.toString();
    }

    /** An access key pair; {@link #toString()} shows the key id only. */
    public record Keys(String accessKeyId, String secretAccessKey) {
        @Override
        public String toString() {
            return "Keys[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
        }
    }
}
