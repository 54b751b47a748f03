package dev.iafbt.maven;

import dev.iafbt.store.ObjectStoreIndexing;
import dev.iafbt.store.ObjectTieredStore;
import dev.iafbt.store.StoreException;
import dev.iafbt.store.object.ObjectStorage;
import dev.iafbt.store.object.S3Location;
import dev.iafbt.store.object.S3Runtime;
import dev.iafbt.store.object.S3Settings;
import java.io.File;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Goals that take a store which may live on S3-compatible object storage ({@code s3://bucket/prefix}):
 * where the server is, and whose keys open it. Keys come from the AWS SDK's default chain
 * ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, the {@code ~/.aws} profile, an instance
 * role) or from the settings.xml {@code <server>} named by {@code iafbt.s3.serverId} (username =
 * access key id, password = secret key, decrypted by Maven). Its Tier 1's PostgreSQL credentials come
 * from {@code iafbt.serverId} as for every goal. Nothing secret is ever logged.
 *
 * <p>The AWS SDK is not on the plugin's class path (so that goals on folders do not pay for
 * resolving it): the first {@code s3://} store a goal opens resolves it ({@link AwsSdkArtifacts}) and
 * opens the store through {@link S3Runtime} with it. A build that declares
 * {@code software.amazon.awssdk:s3} as a dependency of the plugin uses that one instead.
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

    /** Resolves the AWS SDK when an {@code s3://} store is met (a Plexus component; see {@link #settingsDecrypter}). */
    @SuppressWarnings("deprecation")
    @Component
    RepositorySystem repositorySystem;

    /** Where the plugin itself was resolved from: the SDK comes from the same repositories. */
    @Parameter(defaultValue = "${project.remotePluginRepositories}", readonly = true)
    List<RemoteRepository> pluginRepositories;

    /** Opens an s3-tiered store; its Tier 1 at {@code index} (null for a store only read or collected). */
    protected ObjectTieredStore openObjectStore(String location, String index) throws MojoFailureException {
        S3Settings s3 = s3Settings(location);
        try {
            return new ObjectTieredStore(openStorage(s3), index,
                    ServerCredentials.of(serverId, settings, settingsDecrypter));
        } catch (StoreException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    /** With the SDK the build put beside the plugin if any (tests do), else the one resolved now. */
    private ObjectStorage openStorage(S3Settings s3) throws MojoFailureException {
        if (S3Runtime.sdkOnClassPath()) {
            return S3Runtime.open(s3);
        }
        return S3Runtime.open(s3, AwsSdkArtifacts.ofThisBuild().resolve(repositorySystem,
                session.getRepositorySession(), pluginRepositories, getLog()));
    }

    /**
     * Refuses {@code -Diafbt.bundles=s3://…}: a folder parameter (Maven turns it into a path
     * {@code s3:/…}); the store goes into {@code iafbt.store}.
     */
    static void refuseS3Folder(File bundles) throws MojoFailureException {
        String path = bundles == null ? "" : bundles.getPath().replace('\\', '/');
        if (path.startsWith("s3:/")) {
            throw new MojoFailureException("iafbt.bundles is a folder; for an s3-tiered store use -Diafbt.store=s3://"
                    + path.substring("s3:/".length()).replaceFirst("^/", "") + " (with its Tier 1 in -Diafbt.index).");
        }
    }

    /** Whether {@code location} names an s3-tiered store ({@code s3://bucket/prefix}). */
    static boolean isS3(String location) {
        return location != null && S3Location.isS3(location.strip());
    }

    /**
     * An s3-tiered store's Tier 1 from {@code iafbt.index}, resolved as every goal resolves it (a
     * SQLite file against the project, a {@code jdbc:postgresql:} URL with {@code iafbt.serverId}).
     */
    IndexTarget objectStoreTier1(String location, String index) throws MojoFailureException {
        if (index == null || index.isBlank()) {
            throw new MojoFailureException("The s3-tiered store " + location.strip() + " keeps its index (Tier 1) in a"
                    + " database: set -Diafbt.index=jdbc:postgresql://host:port/db?currentSchema=schema (shared by a"
                    + " team), or -Diafbt.index=path/to/tier1.sqlite for one machine.");
        }
        return indexTarget(new File("."), index);
    }

    /** Opens an s3-tiered store with the Tier 1 {@code tier1}. */
    protected ObjectTieredStore openObjectStore(String location, IndexTarget tier1) throws MojoFailureException {
        return openObjectStore(location, tier1.isDatabase() ? tier1.url() : tier1.file().toString());
    }

    /**
     * Brings the store's Tier 1 up to date with its bundles ({@link ObjectStoreIndexing}): summary-first
     * bundles are read by ranged GETs of their head. Logs progress, each failure, and the bytes
     * fetched per bundle.
     */
    ObjectStoreIndexing.Result indexObjectStore(ObjectTieredStore objects, int threads, boolean rebuild,
            int progressSeconds) throws MojoExecutionException {
        Log log = getLog();
        log.info("Indexing the bundles of " + objects.root() + " into Tier 1 " + objects.tier1Location()
                + (rebuild ? " (rebuild)" : "") + " with " + threads + " reader(s); summary-first bundles are read by"
                + " ranged GETs of their head");
        long started = System.nanoTime();
        long[] last = {started};
        int[] done = {0};
        ObjectStoreIndexing.Result result;
        try {
            result = ObjectStoreIndexing.refresh(objects, threads, rebuild, (handle, read, failure) -> {
                done[0]++;
                if (failure != null) {
                    log.warn("Failed to index " + objects.root() + "bundles/" + handle + ".iafbt: " + failure);
                } else if (log.isDebugEnabled()) {
                    log.debug("Indexed " + handle + ": fetched " + read.bytesFetched() + " of " + read.objectSize()
                            + " bytes");
                }
                long now = System.nanoTime();
                if (progressSeconds > 0 && now - last[0] >= progressSeconds * 1_000_000_000L) {
                    last[0] = now;
                    log.info(String.format(Locale.ROOT, "Indexing: %,d bundle(s) read (%,.0f/s)", done[0],
                            done[0] / ((now - started) / 1e9)));
                }
            });
        } catch (StoreException e) {
            throw new MojoExecutionException("Cannot index " + objects.root() + ": " + e.getMessage(), e);
        }
        log.info(result.summary() + String.format(Locale.ROOT, " in %.2f s", (System.nanoTime() - started) / 1e9));
        return result;
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
        return new S3Settings(where, endpoint, blankToNull(s3Region), s3PathStyle, keys());
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
