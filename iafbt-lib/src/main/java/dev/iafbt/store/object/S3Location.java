package dev.iafbt.store.object;

import java.util.Locale;

/**
 * Where a store lives on S3: {@code s3://bucket/prefix}. The prefix is empty or ends with
 * {@code /}, so keys below it never collide with a sibling prefix ({@code team} vs {@code team-2}).
 */
public record S3Location(String bucket, String prefix) {
    public static final String SCHEME = "s3://";

    public S3Location {
        if (bucket == null || bucket.isEmpty()) {
            throw new ObjectStorageException("an S3 location needs a bucket: s3://bucket/prefix");
        }
        prefix = prefix == null || prefix.isEmpty() || prefix.endsWith("/") ? (prefix == null ? "" : prefix) : prefix + "/";
    }

    /** Whether {@code text} names an S3 location rather than a local folder. */
    public static boolean isS3(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).startsWith(SCHEME);
    }

    /** @throws ObjectStorageException naming the text when it is not {@code s3://bucket[/prefix]} */
    public static S3Location parse(String uri) {
        if (!isS3(uri)) {
            throw new ObjectStorageException("'" + uri + "' is not an S3 location; expected s3://bucket/prefix");
        }
        String rest = uri.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty() || prefix.startsWith("/") || prefix.contains("//")) {
            throw new ObjectStorageException("'" + uri + "' is not an S3 location; expected s3://bucket/prefix"
                    + " (no empty bucket or path segments)");
        }
        return new S3Location(bucket, prefix);
    }

    @Override
    public String toString() {
        return SCHEME + bucket + "/" + prefix;
    }
}
