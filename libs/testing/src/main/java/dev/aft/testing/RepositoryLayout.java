package dev.aft.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the AFT checkout that tests run in, so resources can use its launcher modules. */
public final class RepositoryLayout {

    /** Set by the build (surefire) to the multi-module project directory. */
    public static final String ROOT_PROPERTY = "aft.repository.root";

    private RepositoryLayout() {
    }

    public static Path root() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null && isRoot(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the AFT repository root (a folder with deploy/kafka-broker/pom.xml)"
                + " above " + Path.of("").toAbsolutePath() + "; set -D" + ROOT_PROPERTY + "=...");
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("deploy/kafka-broker/pom.xml")) && Files.isRegularFile(dir.resolve("mvnw"));
    }
}
