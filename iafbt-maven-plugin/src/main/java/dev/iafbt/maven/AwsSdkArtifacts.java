package dev.iafbt.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * The AWS SDK's {@code s3} client and its runtime dependencies, resolved when a goal meets an
 * {@code s3://} store instead of on every run: the plugin does not depend on it (iafbt-lib declares
 * it optional), so goals on folders never resolve its ~38 POMs nor load its jars. Resolution goes
 * through Maven's own resolver with the build's repository session and the plugin repositories, so
 * offline mode ({@code -o}), mirrors and settings.xml apply as to any plugin dependency. The version
 * and exclusions are this build's ({@code aws-sdk.properties}, filtered from the POM).
 */
final class AwsSdkArtifacts {
    private static final String RESOURCE = "aws-sdk.properties";
    /** The scopes a runtime class path holds; test, provided and system dependencies are left out. */
    private static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime");

    private final Artifact artifact;
    private final List<Exclusion> exclusions;

    private AwsSdkArtifacts(Artifact artifact, List<Exclusion> exclusions) {
        this.artifact = artifact;
        this.exclusions = exclusions;
    }

    /** The SDK this plugin was built with, as {@code aws-sdk.properties} names it. */
    static AwsSdkArtifacts ofThisBuild() {
        Properties properties = new Properties();
        try (InputStream in = AwsSdkArtifacts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the plugin's jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the plugin's jar", e);
        }
        List<Exclusion> exclusions = new ArrayList<>();
        for (String excluded : properties.getProperty("exclusions", "").split(",")) {
            String[] parts = excluded.strip().split(":");
            if (parts.length == 2) {
                exclusions.add(new Exclusion(parts[0], parts[1], "*", "*"));
            }
        }
        return new AwsSdkArtifacts(new DefaultArtifact(properties.getProperty("artifact")), List.copyOf(exclusions));
    }

    /** groupId:artifactId:version, for messages. */
    String coordinates() {
        return artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getVersion();
    }

    List<Exclusion> exclusions() {
        return exclusions;
    }

    /**
     * The jars of the SDK and its runtime dependencies, from the local repository or downloaded as
     * Maven would; logs one line. Resolved once per build: the goals of one {@code mvn} run that
     * meet {@code s3://} share the answer through the repository session.
     *
     * @throws MojoFailureException naming the artifact and why it cannot be resolved (offline and not
     *                              in the local repository, no repository has it, …)
     */
    List<Path> resolve(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories,
            Log log) throws MojoFailureException {
        String key = AwsSdkArtifacts.class.getName() + ":" + artifact;
        if (session.getData().get(key) instanceof List<?> resolved) {
            return resolved.stream().map(Path.class::cast).toList();
        }
        long started = System.nanoTime();
        CollectRequest collect = new CollectRequest(new Dependency(artifact, "runtime", false, exclusions),
                repositories == null ? List.of() : repositories);
        DependencyFilter runtime = (node, parents) -> node.getDependency() == null
                || RUNTIME_SCOPES.contains(node.getDependency().getScope());
        List<ArtifactResult> results;
        try {
            results = system.resolveDependencies(session, new DependencyRequest(collect, runtime)).getArtifactResults();
        } catch (DependencyResolutionException e) {
            // the cause says which artifact and why (absent offline, not found, a transfer failure)
            String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : e.getMessage();
            throw new MojoFailureException("Cannot resolve " + coordinates() + ", the AWS SDK an s3:// store needs: "
                    + reason + (session.isOffline() ? " Run once without -o, or add it to the local repository with"
                    + " mvn dependency:get -Dartifact=" + coordinates() + "." : ""));
        }
        List<Path> jars = new ArrayList<>();
        for (ArtifactResult result : results) {
            jars.add(result.getArtifact().getFile().toPath());
        }
        session.getData().set(key, List.copyOf(jars));
        log.info(String.format(Locale.ROOT, "AWS SDK for s3:// stores: %s and its runtime dependencies,"
                + " %d jar(s), resolved in %.2f s", coordinates(), jars.size(), (System.nanoTime() - started) / 1e9));
        return jars;
    }
}
