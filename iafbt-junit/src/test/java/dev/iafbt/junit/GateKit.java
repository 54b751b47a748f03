package dev.iafbt.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** Runs a sample gate class on the Jupiter engine (Pioneer's PioneerTestKit idea) and reads the events back. */
final class GateKit {
    private GateKit() {
    }

    /** {@code settings} are alternating configuration keys and values. */
    static EngineExecutionResults run(Class<?> gateClass, Path project, String... settings) {
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(gateClass))
                .configurationParameter(GateConfiguration.BASE_DIR, project.toString());
        for (int i = 0; i < settings.length; i += 2) {
            builder.configurationParameter(settings[i], settings[i + 1]);
        }
        return builder.execute();
    }

    static List<String> names(Events events) {
        return events.stream().map(event -> event.getTestDescriptor().getDisplayName()).toList();
    }

    static List<String> messages(Events events) {
        return events.stream().map(GateKit::message).toList();
    }

    static String message(Event event) {
        return event.getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage)
                .orElse("");
    }
}
