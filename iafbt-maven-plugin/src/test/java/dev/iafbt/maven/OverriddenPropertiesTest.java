package dev.iafbt.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** The -D properties a goal would silently ignore, found in the configuration Maven merged for the execution. */
class OverriddenPropertiesTest {
    private static MojoExecution execution(String bundlesValue) throws Exception {
        MojoDescriptor descriptor = new MojoDescriptor();
        descriptor.setGoal("rank");
        descriptor.setParameters(List.of(parameter("bundles", "${iafbt.bundles}"), parameter("limit", "${iafbt.limit}"),
                parameter("basedir", "${project.basedir}")));
        MojoExecution execution = new MojoExecution(descriptor, "default-cli");
        // what Maven merges: the POM's value where the POM sets one, else the descriptor's expression
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        configuration.addChild(child("bundles", bundlesValue));
        configuration.addChild(child("limit", "${iafbt.limit}"));
        configuration.addChild(child("basedir", "/somewhere"));
        execution.setConfiguration(configuration);
        return execution;
    }

    private static Parameter parameter(String name, String expression) {
        Parameter parameter = new Parameter();
        parameter.setName(name);
        parameter.setExpression(expression);
        return parameter;
    }

    private static Xpp3Dom child(String name, String value) {
        Xpp3Dom child = new Xpp3Dom(name);
        child.setValue(value);
        return child;
    }

    private static Properties userProperties(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    @Test
    void aUserPropertyThePomOverridesIsNamedWithTheFix() throws Exception {
        List<String> warnings = OverriddenProperties.warnings(execution("backtests"),
                userProperties("iafbt.bundles", "other", "iafbt.limit", "5", "project.basedir", "/x"));

        assertThat(warnings).containsExactly("-Diafbt.bundles=other is ignored: the POM sets <bundles>backtests</bundles>"
                + " in the iafbt plugin's <configuration>, and Maven ranks that above -D. To let -D override it, declare"
                + " the value as a property instead, <properties><iafbt.bundles>backtests</iafbt.bundles></properties>,"
                + " and remove <bundles> from the plugin's <configuration>.");
    }

    @Test
    void aPomValueThatRefersToThePropertyLetsDWork() throws Exception {
        assertThat(OverriddenProperties.warnings(execution("${iafbt.bundles}"), userProperties("iafbt.bundles", "other")))
                .isEmpty();
    }

    @Test
    void aPomValueWithoutDOnTheCommandLineIsNoWarning() throws Exception {
        assertThat(OverriddenProperties.warnings(execution("backtests"), userProperties())).isEmpty();
    }

    @Test
    void noExecutionIsNoWarning() throws Exception {
        assertThat(OverriddenProperties.warnings(null, userProperties("iafbt.bundles", "other"))).isEmpty();
    }
}
