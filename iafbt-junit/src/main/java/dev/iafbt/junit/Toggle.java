package dev.iafbt.junit;

/**
 * A yes/no annotation attribute that can also defer to the configuration
 * ({@code junit-platform.properties} or a system property): annotation values cannot be null, so
 * "not set" needs its own constant.
 */
public enum Toggle {
    /** Use the configuration parameter, or the built-in default when it is not set either. */
    DEFAULT,
    ON,
    OFF;

    Boolean asBoolean() {
        return this == DEFAULT ? null : this == ON;
    }
}
