package dev.iafbt.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.Parameter;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Finds the {@code -Diafbt.X} user properties a goal ignores. Maven ranks a parameter set in the
 * POM's plugin {@code <configuration>} above the user property of the same parameter, so
 * {@code -Diafbt.bundles=other} does nothing next to {@code <bundles>backtests</bundles>} — and
 * silently. The execution's merged configuration still holds the {@code ${iafbt.bundles}}
 * expression for every parameter the POM left alone; any other value came from the POM.
 */
final class OverriddenProperties {
    private OverriddenProperties() {
    }

    /** One warning per user property that the POM overrides in {@code execution}; none when Maven gave no execution. */
    static List<String> warnings(MojoExecution execution, Properties userProperties) {
        List<String> warnings = new ArrayList<>();
        if (execution == null || execution.getMojoDescriptor() == null || execution.getConfiguration() == null
                || userProperties == null) {
            return warnings;
        }
        List<Parameter> parameters = execution.getMojoDescriptor().getParameters();
        for (Parameter parameter : parameters == null ? List.<Parameter>of() : parameters) {
            String property = property(parameter.getExpression());
            String commandLine = property == null ? null : userProperties.getProperty(property);
            Xpp3Dom configured = execution.getConfiguration().getChild(parameter.getName());
            if (commandLine != null && configured != null && fromPom(configured, property)) {
                warnings.add(message(parameter.getName(), property, commandLine, configured));
            }
        }
        return warnings;
    }

    /** {@code iafbt.bundles} of {@code ${iafbt.bundles}}; null for other expressions ({@code ${project...}}). */
    private static String property(String expression) {
        if (expression == null || !expression.startsWith("${iafbt.") || !expression.endsWith("}")) {
            return null;
        }
        return expression.substring(2, expression.length() - 1);
    }

    private static boolean fromPom(Xpp3Dom configured, String property) {
        String value = configured.getValue();
        return configured.getChildCount() > 0 || value != null && !value.contains("${" + property + "}");
    }

    private static String message(String name, String property, String commandLine, Xpp3Dom configured) {
        String pomValue = configured.getValue() == null ? "..." : configured.getValue().trim();
        return "-D" + property + "=" + commandLine + " is ignored: the POM sets <" + name + ">" + pomValue + "</" + name
                + "> in the iafbt plugin's <configuration>, and Maven ranks that above -D. To let -D override it,"
                + " declare the value as a property instead, <properties><" + property + ">" + pomValue + "</"
                + property + "></properties>, and remove <" + name + "> from the plugin's <configuration>.";
    }
}
