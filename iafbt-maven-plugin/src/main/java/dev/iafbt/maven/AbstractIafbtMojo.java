package dev.iafbt.maven;

import dev.iafbt.index.Indexes;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Base of every iafbt goal (after jacoco's {@code AbstractJacocoMojo}): the shared
 * {@code iafbt.skip} switch, a final {@link #execute()} that logs why it skipped, and the path rules
 * every goal shares — relative paths ({@link #resolve}), the index ({@link #indexFile}, see
 * {@link IndexLocation}) and the output folder ({@link #outputFolder}). Goals stay thin: parse
 * parameters, call the library, log, fail. They get only {@code @Parameter}s and construct library
 * objects directly (no injected components: Maven before 3.9.6 silently skips JSR-330 components
 * compiled for Java 17).
 */
public abstract class AbstractIafbtMojo extends AbstractMojo {
    /** Skips every iafbt goal. */
    @Parameter(property = "iafbt.skip", defaultValue = "false")
    boolean skip;

    /** The project folder; none outside a project (Maven's stand-in project has no folder). */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;

    /** The folder Maven was started in: relative paths resolve against it outside a project. */
    @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
    File executionRoot;

    /**
     * The project's build folder. Outside a project Maven leaves this expression uninterpolated
     * ({@code ${project.basedir}/target}), so {@code outputFolder(File)} falls back to {@code ./target}.
     */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    File buildDirectory;

    /**
     * The {@code <server>} in settings.xml whose username and password open a
     * {@code jdbc:postgresql:} index; unset, {@code PGUSER}/{@code PGPASSWORD} or {@code ~/.pgpass} apply.
     */
    @Parameter(property = "iafbt.serverId")
    String serverId;

    @Parameter(defaultValue = "${settings}", readonly = true)
    Settings settings;

    /**
     * Maven's own decrypter for {@code mvn --encrypt-password} values (a Plexus component, not JSR-330).
     * {@code @Component} is deprecated in favour of constructor injection, which every goal's
     * subclass would then have to repeat; it still works on Maven 3.6–3.9, so the warning is muted here.
     */
    @SuppressWarnings("deprecation")
    @Component
    SettingsDecrypter settingsDecrypter;

    /** The build, for the user properties ({@code -D}) given on the command line. */
    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    /** This run of the goal, for the configuration Maven merged from the POM and the descriptor. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    MojoExecution mojoExecution;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        OverriddenProperties.warnings(mojoExecution, session == null ? null : session.getUserProperties())
                .forEach(getLog()::warn);
        if (skip) {
            getLog().info("Skipping iafbt:" + goal() + " because property iafbt.skip is set.");
            return;
        }
        executeGoal();
    }

    /** The goal's name, for log lines. */
    protected abstract String goal();

    /** The goal's work, when not skipped. */
    protected abstract void executeGoal() throws MojoExecutionException, MojoFailureException;

    /** {@code file} as an absolute path: relative to the project folder, or to the current folder. */
    protected Path resolve(File file) {
        Path path = file.toPath();
        if (path.isAbsolute()) {
            return path.normalize();
        }
        Path base = basedir != null ? basedir.toPath()
                : executionRoot != null ? executionRoot.toPath() : Path.of("").toAbsolutePath();
        return base.resolve(path).toAbsolutePath().normalize();
    }

    /** The index file of {@code bundles}, or {@code index} when set: the rule of {@link IndexLocation}. */
    protected Path indexFile(File bundles, File index) throws MojoFailureException {
        return IndexLocation.of(resolve(bundles), index == null ? null : resolve(index));
    }

    /**
     * The index of {@code bundles}, or {@code index} when set — a file path, or a
     * {@code jdbc:postgresql:} URL opened with the credentials of {@link #serverId}.
     */
    IndexTarget indexTarget(File bundles, String index) throws MojoFailureException {
        if (index != null && Indexes.isJdbcUrl(index.strip())) {
            return IndexLocation.database(index.strip(), ServerCredentials.of(serverId, settings, settingsDecrypter));
        }
        return IndexTarget.file(indexFile(bundles, index == null || index.isBlank() ? null : new File(index.strip())));
    }

    /**
     * Where a goal writes its files: {@code configured} when set, else {@code iafbt} in the
     * project's build folder — {@code ./target/iafbt} when the goal runs outside a project. A
     * value still holding {@code ${...}} is an expression Maven could not interpolate there (its
     * stand-in project has no folder), so it counts as unset rather than naming a folder
     * {@code ${project.basedir}}.
     */
    protected Path outputFolder(File configured) {
        if (configured != null && !configured.getPath().contains("${")) {
            return resolve(configured);
        }
        boolean inProject = buildDirectory != null && !buildDirectory.getPath().contains("${");
        return (inProject ? resolve(buildDirectory) : resolve(new File("target"))).resolve("iafbt");
    }
}
