package dev.aft.augment.run;

import dev.aft.augment.config.AugmentServiceConfig;
import dev.aft.augment.domain.GlobalPrompts;
import dev.aft.augment.domain.LocalPrompts;
import dev.aft.augment.domain.PromptTemplate;
import dev.aft.contracts.plan.AugmentStrategy;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The prompt templates of the configured family: {@code templates/<family>/local.txt} and {@code global.txt},
 * from {@code aft.augment.templates.directory} when set, else built into the service. Loaded and checked at
 * start, so a missing or broken template stops the service instead of failing runs.
 */
@Singleton
@Startup
public class PromptTemplates {

    private final PromptTemplate local;
    private final PromptTemplate global;

    public PromptTemplates(AugmentServiceConfig config) {
        String family = config.templates().family();
        local = PromptTemplate.parse(family + "/local.txt", read(config, family, "local.txt"),
                LocalPrompts.PLACEHOLDERS, LocalPrompts.REQUIRED);
        global = PromptTemplate.parse(family + "/global.txt", read(config, family, "global.txt"),
                GlobalPrompts.PLACEHOLDERS, GlobalPrompts.REQUIRED);
    }

    public PromptTemplate of(AugmentStrategy strategy) {
        return strategy == AugmentStrategy.LOCAL ? local : global;
    }

    private static String read(AugmentServiceConfig config, String family, String file) {
        if (config.templates().directory().isPresent()) {
            Path path = Path.of(config.templates().directory().get(), family, file);
            try {
                return Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read prompt template " + path
                        + " (aft.augment.templates.directory / family)", e);
            }
        }
        String resource = "templates/" + family + "/" + file;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no built-in prompt template " + resource
                        + "; set aft.augment.templates.family to a family that exists (built in: default)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
