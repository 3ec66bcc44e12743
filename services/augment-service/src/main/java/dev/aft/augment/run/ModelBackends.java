package dev.aft.augment.run;

import dev.aft.augment.config.AugmentServiceConfig;
import dev.aft.modelclient.ModelClient;
import dev.aft.modelclient.ModelClientSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAI-compatible backends runs reach their model through: the default one ({@code aft.augment.model.*})
 * and any named under {@code aft.augment.backends}. One {@link ModelClient} per backend, shared by all runs, so
 * its concurrency bound holds across runs.
 */
@ApplicationScoped
public class ModelBackends {

    /** A backend by name: where it is and the client that talks to it. */
    public record Backend(String name, String baseUrl, ModelClient client) {
    }

    private final AugmentServiceConfig config;
    private final Map<String, Backend> clients = new ConcurrentHashMap<>();

    public ModelBackends(AugmentServiceConfig config) {
        this.config = config;
    }

    /** The backend a plan names; an unconfigured name fails the run with the list of configured ones. */
    public Backend resolve(String name) {
        return clients.computeIfAbsent(name, this::create);
    }

    /** The model id a run uses: the configured override, else the plan's. */
    public String modelFor(String plannedModel) {
        return config.model().override().filter(s -> !s.isBlank()).orElse(plannedModel);
    }

    private Backend create(String name) {
        AugmentServiceConfig.Model model = config.model();
        String baseUrl;
        Optional<String> apiKey;
        if (name.equals(model.backend())) {
            baseUrl = model.baseUrl();
            apiKey = model.apiKey();
        } else if (config.backends().containsKey(name)) {
            baseUrl = config.backends().get(name).baseUrl();
            apiKey = config.backends().get(name).apiKey();
        } else {
            TreeSet<String> known = new TreeSet<>(config.backends().keySet());
            known.add(model.backend());
            throw new RunFailure("model backend '" + name + "' is not configured here (configured: "
                    + String.join(", ", known) + "; see aft.augment.model.backend and aft.augment.backends)");
        }
        ModelClientSettings settings;
        try {
            settings = ModelClientSettings.of(baseUrl)
                    .withApiKey(apiKey.orElse(null))
                    .withConcurrency(model.concurrency())
                    .withTimeout(model.requestTimeout())
                    .withRetries(model.attempts(), model.initialBackoff(), model.maxBackoff());
        } catch (IllegalArgumentException e) {
            throw new RunFailure("model backend '" + name + "' has an invalid base URL '" + baseUrl + "': "
                    + e.getMessage(), e);
        }
        return new Backend(name, baseUrl, new ModelClient(settings));
    }
}
