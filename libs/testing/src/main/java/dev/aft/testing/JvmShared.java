package dev.aft.testing;

import java.util.function.Supplier;

/**
 * State that must outlive one Quarkus test application. Quarkus loads test resources in a class loader of the
 * application under test and makes a new one whenever it restarts the application between test classes, so
 * static fields do not survive; JVM system properties do. Servers started here are started once per JVM.
 */
final class JvmShared {

    private static final Object LOCK = JvmShared.class.getName().intern();

    private JvmShared() {
    }

    /** The value under {@code key}, computing and recording it the first time in this JVM. */
    static String computeIfAbsent(String key, Supplier<String> compute) {
        synchronized (LOCK) {
            String value = System.getProperty(key);
            if (value == null) {
                value = compute.get();
                System.setProperty(key, value);
            }
            return value;
        }
    }
}
