package dev.aft.finetune.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** finetune-service settings ({@code aft.finetune.*}, environment {@code AFT_FINETUNE_*}). */
@ConfigMapping(prefix = "aft.finetune")
public interface FinetuneServiceConfig {

    /** Base URL under which other services reach this one; the {@code training.jsonl} links in events start with it. */
    @WithDefault("http://localhost:8083")
    String publicBaseUrl();

    /** Name of this service in event envelopes ({@code producer}). */
    @WithDefault("finetune-service")
    String producer();

    /** Prefix of the Kafka topic names (the default gives {@code aft.datasets}, {@code aft.models}, ...). */
    @WithDefault("aft.")
    String topicPrefix();

    /** The training backend: {@code openai} (the OpenAI-compatible files + fine-tuning jobs API; the only one today). */
    @WithDefault("openai")
    String backend();

    Model model();

    Workers workers();

    /** Reading datasets' and augmentations' content links. */
    Content content();

    /** How the OpenAI-compatible fine-tuning API is reached (through libs/model-client). */
    interface Model {
        /** API root: model-service, or any compatible provider. */
        @WithDefault("http://127.0.0.1:8085/v1")
        String baseUrl();

        /** Bearer token; only from the environment ({@code AFT_FINETUNE_MODEL_API_KEY}). */
        Optional<String> apiKey();

        /** Time limit of one attempt of one request. */
        @WithDefault("60s")
        Duration requestTimeout();

        /** Attempts per request (no answer, 408, 409, 429 and 5xx are retried; 1 = no retry). */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before the first retry, doubled each time up to {@link #maxBackoff()}. */
        @WithDefault("500ms")
        Duration initialBackoff();

        @WithDefault("10s")
        Duration maxBackoff();
    }

    /** The pool that runs training runs (blocking calls, off the event loop). */
    interface Workers {
        /** Runs followed at the same time. */
        @WithDefault("2")
        int concurrency();

        /** How often the pool looks for runs to start or follow (it is also woken when one is created). */
        @WithDefault("5s")
        Duration pollInterval();

        /** First wait between two polls of a job; doubled while nothing changes, up to {@link #maxJobPollInterval()}. */
        @WithDefault("1s")
        Duration jobPollInterval();

        @WithDefault("15s")
        Duration maxJobPollInterval();

        /** Least time between two {@code StageProgressed} events of one run. */
        @WithDefault("2s")
        Duration progressInterval();

        /** A run not finished this long after it started is cancelled and fails. */
        @WithDefault("6h")
        Duration timeout();
    }

    interface Content {
        /** Time limit of one download. */
        @WithDefault("60s")
        Duration timeout();

        /** Attempts per download when the owner does not answer or answers 5xx (backoff from 0.5 s, doubling, at most 15 s). */
        @WithDefault("10")
        int attempts();
    }
}
