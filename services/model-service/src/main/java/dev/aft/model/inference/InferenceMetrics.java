package dev.aft.model.inference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Prometheus meters of inference, per endpoint and model: requests and their time
 * ({@code aft_model_inference_seconds}), prompt and completion tokens ({@code aft_model_tokens_total}).
 */
@ApplicationScoped
public class InferenceMetrics {

    private final MeterRegistry registry;

    public InferenceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String endpoint, String model, Duration time, int promptTokens, int completionTokens) {
        Timer.builder("aft.model.inference").tag("endpoint", endpoint).tag("model", model)
                .description("Inference requests and their time").register(registry).record(time);
        Counter.builder("aft.model.tokens").tag("endpoint", endpoint).tag("model", model).tag("kind", "prompt")
                .register(registry).increment(promptTokens);
        Counter.builder("aft.model.tokens").tag("endpoint", endpoint).tag("model", model).tag("kind", "completion")
                .register(registry).increment(completionTokens);
    }
}
