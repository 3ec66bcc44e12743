package dev.aft.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The ./aft launcher creates the topics by name; its list must be the contract's. */
class LauncherTopicsTest {

    @Test
    void theLauncherCreatesExactlyTheContractsTopics() throws IOException {
        Path launcher = repositoryRoot().resolve("aft");
        Matcher topics = Pattern.compile("(?m)^TOPICS=\\(([^)]*)\\)").matcher(Files.readString(launcher));
        assertThat(topics.find()).as("a TOPICS=(...) line in %s", launcher).isTrue();
        List<String> listed = Arrays.stream(topics.group(1).trim().split("\\s+")).toList();
        assertThat(listed).containsExactlyElementsOf(Topics.ALL);
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("aft")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
