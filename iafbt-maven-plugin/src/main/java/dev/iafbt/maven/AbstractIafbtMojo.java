package dev.iafbt.maven;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Base of every iafbt goal (ecosystem.md §1.1, after jacoco's {@code AbstractJacocoMojo}): the
 * shared {@code iafbt.skip} switch and a final {@link #execute()} that logs why it skipped. Goals
 * stay thin: parse parameters, call the library, log, fail. They get only {@code @Parameter}s and
 * construct library objects directly (no injected components: the Sisu pitfall of Maven < 3.9.6).
 */
public abstract class AbstractIafbtMojo extends AbstractMojo {
    /** Skips every iafbt goal. */
    @Parameter(property = "iafbt.skip", defaultValue = "false")
    boolean skip;

    /**
     * The project folder, or the current folder when the goal runs outside a project; relative
     * paths resolve against it.
     */
    @Parameter(defaultValue = "${basedir}", readonly = true)
    File basedir;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
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
        Path base = basedir != null ? basedir.toPath() : Path.of("").toAbsolutePath();
        return base.resolve(path).toAbsolutePath().normalize();
    }
}
