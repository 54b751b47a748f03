package dev.iafbt.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Absent fixtures skip a test on a fresh clone and fail it where they are required (CI). */
class ReferenceFixturesTest {
    private final String before = System.getProperty(ReferenceFixtures.REQUIRED_PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(ReferenceFixtures.REQUIRED_PROPERTY);
        } else {
            System.setProperty(ReferenceFixtures.REQUIRED_PROPERTY, before);
        }
    }

    @Test
    void absentFixturesSkipByDefaultWithAMessageTheReportRecognises() {
        System.clearProperty(ReferenceFixtures.REQUIRED_PROPERTY);
        assertThatThrownBy(() -> ReferenceFixtures.require(false, "reference fixtures not found at /x"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageStartingWith(ReferenceFixtures.SKIP_MESSAGE_START)
                .hasMessageContaining("/x");
    }

    @Test
    void absentFixturesFailWhenRequired() {
        System.setProperty(ReferenceFixtures.REQUIRED_PROPERTY, "true");
        assertThatThrownBy(() -> ReferenceFixtures.require(false, "reference fixtures not found at /x"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContainingAll("/x", ReferenceFixtures.REQUIRED_PROPERTY, "-Diafbt.fixtures=DIR");
    }

    @Test
    void presentFixturesNeitherSkipNorFail() {
        System.setProperty(ReferenceFixtures.REQUIRED_PROPERTY, "true");
        assertThatCode(() -> ReferenceFixtures.require(true, "unused")).doesNotThrowAnyException();
    }
}
