package dev.iafbt.store.object;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Turns an SDK failure into a sentence that says what to check. */
final class S3Failures {
    private S3Failures() {
    }

    static String explain(SdkException e, S3Settings settings) {
        if (e instanceof S3Exception s3) {
            String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
            String detail = "HTTP " + s3.statusCode() + (code == null ? "" : " " + code);
            return switch (s3.statusCode()) {
                case 403 -> detail + ": access denied; check the credentials (AWS_ACCESS_KEY_ID and"
                        + " AWS_SECRET_ACCESS_KEY, the AWS profile, or the Maven <server> named by iafbt.serverId)"
                        + " and that they may use bucket '" + settings.location().bucket() + "'";
                case 404 -> "NoSuchBucket".equals(code) || code == null
                        ? detail + ": bucket '" + settings.location().bucket() + "' does not exist at "
                        + settings.endpointName() : detail;
                case 301, 307 -> detail + ": the bucket is in another region; set -Diafbt.s3.region";
                default -> detail + (s3.awsErrorDetails() == null || s3.awsErrorDetails().errorMessage() == null
                        ? "" : ": " + s3.awsErrorDetails().errorMessage());
            };
        }
        if (e instanceof SdkClientException) {
            return "cannot reach " + settings.endpointName() + " (" + firstLine(e.getMessage())
                    + "); check -Diafbt.s3.endpoint and the network";
        }
        return firstLine(e.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
