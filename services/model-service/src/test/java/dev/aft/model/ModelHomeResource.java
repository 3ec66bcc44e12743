package dev.aft.model;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fresh {@code aft.model.home} per test class with two tiny models: {@code tiny} (no chat template, context
 * 64) and {@code tiny-chat} (a chat template, context 128). The reference model path points nowhere.
 */
public class ModelHomeResource implements QuarkusTestResourceLifecycleManager {

    public static final String TINY = "tiny";
    public static final String TINY_CHAT = "tiny-chat";
    public static final int TINY_CONTEXT = 64;

    private Path home;

    /** The home of the running test class. */
    public static Path home() {
        return Path.of(org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("aft.model.home", String.class));
    }

    public static Path modelFolder(String id) {
        return home().resolve("models").resolve(id);
    }

    @Override
    public Map<String, String> start() {
        try {
            home = Files.createTempDirectory("aft-model-home-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TinyModels.write(home.resolve("models").resolve(TINY), 32, TINY_CONTEXT, 1, false);
        TinyModels.write(home.resolve("models").resolve(TINY_CHAT), 32, 128, 2, true);
        return Map.of("aft.model.home", home.toString(),
                "aft.model.reference-model-path", home.resolve("no-reference-model").toString());
    }

    @Override
    public void stop() {
        if (home == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: best effort
        }
    }
}
