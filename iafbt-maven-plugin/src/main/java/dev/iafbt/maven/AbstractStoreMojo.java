package dev.iafbt.maven;

import dev.iafbt.store.ObjectTieredStore;
import dev.iafbt.store.StoreException;
import dev.iafbt.store.object.S3Location;
import dev.iafbt.store.object.S3ObjectStorage;
import dev.iafbt.store.object.S3Settings;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;

/**
 * Goals that take a store which may live on S3-compatible object storage ({@code s3://bucket/prefix}):
 * where the server is, and whose keys open it. Keys come from the AWS SDK's default chain
 * ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, the {@code ~/.aws} profile, an instance
 * role) or from the settings.xml {@code <server>} named by {@code iafbt.s3.serverId} (username =
 * access key id, password = secret key, decrypted by Maven). Its Tier 1's PostgreSQL credentials come
 * from {@code iafbt.serverId} as for every goal. Nothing secret is ever logged.
 */
public abstract class AbstractStoreMojo extends AbstractIafbtMojo {
    /** An S3-compatible server ({@code http://host:9000}); unset for AWS S3 itself. */
    @Parameter(property = "iafbt.s3.endpoint")
    String s3Endpoint;

    /** Path-style addressing ({@code http://host/bucket/key}), which most S3-compatible servers need. */
    @Parameter(property = "iafbt.s3.pathStyle", defaultValue = "false")
    boolean s3PathStyle;

    /** The signing region; unset: the SDK's region chain ({@code AWS_REGION}, the profile), else {@code us-east-1}. */
    @Parameter(property = "iafbt.s3.region")
    String s3Region;

    /** The settings.xml {@code <server>} holding the S3 keys; unset: the AWS SDK's default credential chain. */
    @Parameter(property = "iafbt.s3.serverId")
    String s3ServerId;

    /** Opens an s3-tiered store; its Tier 1 at {@code index} (null for a store only read or collected). */
    protected ObjectTieredStore openObjectStore(String location, String index) throws MojoFailureException {
        S3Settings s3 = s3Settings(location);
        try {
            return new ObjectTieredStore(S3ObjectStorage.open(s3), index,
                    ServerCredentials.of(serverId, settings, settingsDecrypter));
        } catch (StoreException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    /** How the store is reached, for the log: never a key. */
    protected String describeS3(String location) {
        return location + " at " + (s3Endpoint == null || s3Endpoint.isBlank() ? "AWS S3" : s3Endpoint.strip())
                + (s3PathStyle ? " (path-style)" : "") + ", credentials from "
                + (s3ServerId == null || s3ServerId.isBlank() ? "the AWS default chain"
                        : "<server> '" + s3ServerId.strip() + "'");
    }

    S3Settings s3Settings(String location) throws MojoFailureException {
        S3Location where;
        try {
            where = S3Location.parse(location.strip());
        } catch (StoreException e) {
            throw new MojoFailureException(e.getMessage());
        }
        URI endpoint = null;
        if (s3Endpoint != null && !s3Endpoint.isBlank()) {
            try {
                endpoint = URI.create(s3Endpoint.strip());
            } catch (IllegalArgumentException e) {
                endpoint = null;
            }
            if (endpoint == null || endpoint.getScheme() == null || endpoint.getHost() == null
                    || !List.of("http", "https").contains(endpoint.getScheme().toLowerCase(Locale.ROOT))) {
                throw new MojoFailureException("iafbt.s3.endpoint '" + s3Endpoint + "' is not an http(s) URL; use for"
                        + " example -Diafbt.s3.endpoint=http://localhost:9000");
            }
        }
        return new S3Settings(where, endpoint, blankToNull(s3Region), s3PathStyle, keys(), List.of());
    }

    private S3Settings.Keys keys() throws MojoFailureException {
        if (s3ServerId == null || s3ServerId.isBlank()) {
            return null;
        }
        String id = s3ServerId.strip();
        Server server = ServerCredentials.decrypted("iafbt.s3.serverId", id, settings, settingsDecrypter,
                "<username>ACCESS_KEY_ID</username><password>SECRET_ACCESS_KEY</password>",
                "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or ~/.aws");
        if (blankToNull(server.getUsername()) == null || blankToNull(server.getPassword()) == null) {
            throw new MojoFailureException("<server> '" + id + "' in settings.xml needs a <username> (the access key"
                    + " id) and a <password> (the secret key) for S3.");
        }
        return new S3Settings.Keys(server.getUsername(), server.getPassword());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
