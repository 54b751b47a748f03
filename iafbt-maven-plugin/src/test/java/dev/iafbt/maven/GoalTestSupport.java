package dev.iafbt.maven;

import java.io.File;
import java.nio.file.Path;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.apache.maven.api.di.Provides;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;

/**
 * What every goal test shares under {@code @MojoTest}: the harness configures each goal from the
 * real plugin descriptor (property names, defaults, {@code ${...}} expressions) and from the test's
 * {@code @MojoParameter}s (POM configuration) and {@link UserProperty}s ({@code -D}), as Maven does.
 * The project lives in a temporary folder; {@link OutsideProject} makes it look like the stand-in
 * project Maven uses when a goal runs where there is no {@code pom.xml}.
 */
abstract class GoalTestSupport {
    @TempDir
    Path project;

    @Inject
    MavenSession session;

    @Inject
    MavenProject mavenProject;

    final CapturingLog log = new CapturingLog();

    @Provides
    @Singleton
    MavenProject project() {
        MavenProject p = new MavenProject();
        p.setFile(project.resolve("pom.xml").toFile());
        p.getBuild().setDirectory(project.resolve("target").toString());
        return p;
    }

    @Provides
    @Singleton
    Log log() {
        return log;
    }

    @BeforeEach
    void sessionFromAnnotations(TestInfo info) {
        info.getTestMethod().ifPresent(method -> {
            for (UserProperty property : method.getAnnotationsByType(UserProperty.class)) {
                session.getUserProperties().setProperty(property.name(), property.value());
            }
            if (method.isAnnotationPresent(OutsideProject.class)) {
                // what Maven's stand-in project for a folder without pom.xml holds: no folder, and
                // a build directory it never interpolates; the session knows where Maven started
                Mockito.lenient().when(session.getExecutionRootDirectory()).thenReturn(project.toString());
                mavenProject.setFile(null);
                mavenProject.getBuild().setDirectory("${project.basedir}/target");
            }
        });
    }

    /** {@code project/relative}. */
    File file(String relative) {
        return project.resolve(relative).toFile();
    }
}
