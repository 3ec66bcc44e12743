package dev.aft.eval.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** eval-service settings ({@code aft.eval.*}, environment {@code AFT_EVAL_*}). */
@ConfigMapping(prefix = "aft.eval")
public interface EvalServiceConfig {

    /** Base URL under which other services reach this one; the {@code items.jsonl} links in events start with it. */
    @WithDefault("http://localhost:8084")
    String publicBaseUrl();

    /** Name of this service in event envelopes ({@code producer}). */
    @WithDefault("eval-service")
    String producer();

    /** Prefix of the Kafka topic names (the default gives {@code aft.datasets}, {@code aft.evaluations}, ...). */
    @WithDefault("aft.")
    String topicPrefix();

    Model model();

    Workers workers();

    Icl icl();

    Content content();

    Replay replay();

    /** How the OpenAI-compatible model servers are reached (through libs/model-client). */
    interface Model {
        /** API root of the default backend ({@code model-service}, and any plan that names no other). */
        @WithDefault("http://127.0.0.1:8085/v1")
        String baseUrl();

        /** Bearer token sent to every backend; only from the environment ({@code AFT_EVAL_MODEL_API_KEY}). */
        Optional<String> apiKey();

        /**
         * Further named backends: {@code aft.eval.model.backends.<name>=<API root>}. A plan's
         * {@code model.backend} picks one; {@code model-service} is the default base URL unless listed here.
         */
        Map<String, String> backends();

        /** Time limit of one attempt of one request. */
        @WithDefault("5m")
        Duration requestTimeout();

        /** Requests in flight at once per backend. */
        @WithDefault("4")
        int maxConcurrency();

        /** Attempts per request (no answer, 408, 409, 429 and 5xx are retried; 1 = no retry). */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before the first retry, doubled each time up to {@link #maxBackoff()}. */
        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("10s")
        Duration maxBackoff();

        /** Context length assumed when a backend does not report {@code max_model_len} for a model. */
        @WithDefault("2048")
        int defaultContextLength();
    }

    /** The pool that runs evaluations (blocking model calls, off the event loop). */
    interface Workers {
        /** Evaluations scored at the same time. */
        @WithDefault("2")
        int concurrency();

        /** Least time between two {@code StageProgressed} events of one evaluation. */
        @WithDefault("2s")
        Duration progressInterval();

        /** How often the pool looks for pending evaluations (it is also woken when one is created). */
        @WithDefault("5s")
        Duration pollInterval();
    }

    /** The in-context ({@code icl}) condition. */
    interface Icl {
        /** The instruction before the training documents; empty for none. */
        @WithDefault("Here are some documents. Everything they say is true.")
        String instruction();

        /**
         * Tokens kept free after the documents for the longest question plus option, on top of the measured
         * length of that text (tokenization at the seam can differ by a token or two).
         */
        @WithDefault("8")
        int reserveTokens();
    }

    /** Reading datasets' content links. */
    interface Content {
        /** Time limit of one download. */
        @WithDefault("60s")
        Duration timeout();

        /** Attempts per download when the owner does not answer or answers 5xx, backoff from 0.5 s doubling to at most 15 s (a 4xx or a mismatch fails at once). */
        @WithDefault("10")
        int attempts();
    }

    /** {@code POST /replays}: re-reading the log with a dedicated consumer. */
    interface Replay {
        /** How long one replay may read before it gives up. */
        @WithDefault("10m")
        Duration timeout();
    }
}
