package dev.iafbt.store.object;

/**
 * An {@code s3://} store was asked for, but the AWS SDK it needs cannot be loaded: iafbt-lib declares
 * {@code software.amazon.awssdk:s3} optional, so a project that opens S3 stores adds it itself (or
 * hands {@link S3Runtime#open(S3Settings, java.util.List)} the SDK's jars). The message names the
 * store and the artifact to add.
 */
public class AwsSdkMissingException extends ObjectStorageException {
    private static final long serialVersionUID = 1L;

    public AwsSdkMissingException(String message, Throwable cause) {
        super(message, cause);
    }
}
