package dev.iafbt.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The {@code <execution>}s of {@code iafbt:check} that declare rules other than the running one.
 * Maven applies an execution's {@code <configuration>} only to that execution, so rules there are
 * invisible to {@code mvn iafbt:check} on the command line (execution {@code default-cli}).
 */
final class RuleExecutions {
    private static final String ARTIFACT_ID = "iafbt-maven-plugin";

    private RuleExecutions() {
    }

    /** Ids of the other check executions with {@code <rules>} or a {@code <baseline>}; empty outside a project. */
    static List<String> elsewhere(MavenProject project, MojoExecution running) {
        List<String> ids = new ArrayList<>();
        if (project == null || project.getBuildPlugins() == null) {
            return ids;
        }
        String runningId = running == null ? null : running.getExecutionId();
        for (Plugin plugin : project.getBuildPlugins()) {
            if (!ARTIFACT_ID.equals(plugin.getArtifactId())) {
                continue;
            }
            for (PluginExecution execution : plugin.getExecutions()) {
                if (execution.getGoals().contains("check") && !execution.getId().equals(runningId)
                        && declaresRules(execution.getConfiguration())) {
                    ids.add(execution.getId());
                }
            }
        }
        return ids;
    }

    private static boolean declaresRules(Object configuration) {
        return configuration instanceof Xpp3Dom
                && (((Xpp3Dom) configuration).getChild("rules") != null || ((Xpp3Dom) configuration).getChild("baseline") != null);
    }
}
