package dev.aft.model.models;

import dev.aft.model.config.ModelServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the model home is a writable folder; reports how many models are served. */
@Readiness
@ApplicationScoped
public class ModelsHealthCheck implements HealthCheck {

    private final ModelRegistry registry;
    private final ModelServiceConfig config;

    public ModelsHealthCheck(ModelRegistry registry, ModelServiceConfig config) {
        this.registry = registry;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        boolean writable = Files.isDirectory(registry.modelsFolder()) && Files.isWritable(registry.modelsFolder());
        return HealthCheckResponse.named("models")
                .status(writable)
                .withData("home", config.home().toAbsolutePath().toString())
                .withData("models", registry.list().size())
                .build();
    }
}
