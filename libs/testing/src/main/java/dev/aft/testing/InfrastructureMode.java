package dev.aft.testing;

import java.util.Locale;

/**
 * Where test infrastructure comes from. {@code local} (the default) reuses a running server or starts a real
 * one from this machine (Kafka from the repository's broker module, the system PostgreSQL or an embedded one);
 * {@code testcontainers} starts containers where a Docker engine answers and falls back to {@code local}
 * where none does. Chosen by {@code -Daft.test.infrastructure=} or {@code AFT_TEST_INFRASTRUCTURE}.
 */
public enum InfrastructureMode {
    LOCAL,
    TESTCONTAINERS;

    public static final String PROPERTY = "aft.test.infrastructure";
    public static final String ENV = "AFT_TEST_INFRASTRUCTURE";

    public static InfrastructureMode current() {
        String value = System.getProperty(PROPERTY, System.getenv().getOrDefault(ENV, "local"));
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " must be 'local' or 'testcontainers', was '" + value + "'", e);
        }
    }

    /** True in testcontainers mode on a machine whose Docker engine answers. */
    public static boolean useContainers() {
        return current() == TESTCONTAINERS && Containers.dockerAvailable();
    }
}
