package dev.aft.eval.domain;

import dev.aft.contracts.plan.ModelChoice;
import dev.aft.eval.config.EvalServiceConfig;
import dev.aft.modelclient.ModelClient;
import dev.aft.modelclient.ModelClientSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAI-compatible backends a plan can name ({@code plan.model.backend}): {@code model-service} at the
 * configured base URL, plus any configured under {@code aft.eval.model.backends.<name>}. Read on every
 * evaluation, so a re-evaluation (replay) uses the current configuration.
 */
@ApplicationScoped
public class Backends {

    private final EvalServiceConfig.Model config;
    private final Map<String, ModelClient> clients = new ConcurrentHashMap<>();

    public Backends(EvalServiceConfig config) {
        this.config = config.model();
    }

    /** The backends by name and base URL. */
    public Map<String, String> known() {
        Map<String, String> known = new TreeMap<>();
        known.put(ModelChoice.DEFAULT_BACKEND, config.baseUrl());
        known.putAll(config.backends());
        return known;
    }

    /** The client of a named backend; an unknown name fails the evaluation, listing the known ones. */
    public ModelClient client(String backend) {
        String name = backend == null || backend.isBlank() ? ModelChoice.DEFAULT_BACKEND : backend;
        String url = known().get(name);
        if (url == null) {
            throw new EvaluationFailure("the plan names backend '" + name + "', which eval-service does not know"
                    + " (known: " + known().keySet() + "; configure aft.eval.model.backends." + name + ")");
        }
        return clients.computeIfAbsent(url, this::create);
    }

    private ModelClient create(String url) {
        ModelClientSettings settings = new ModelClientSettings(URI.create(url), config.apiKey().orElse(null),
                config.requestTimeout(), config.maxConcurrency(), config.maxAttempts(), config.initialBackoff(),
                config.maxBackoff());
        return new ModelClient(settings);
    }
}
