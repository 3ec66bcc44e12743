package dev.aft.augment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** augment-service settings ({@code aft.augment.*}, environment {@code AFT_AUGMENT_*}). */
@ConfigMapping(prefix = "aft.augment")
public interface AugmentServiceConfig {

    /** Base URL under which other services reach this one; statement links in events start with it. */
    @WithDefault("http://localhost:8082")
    String publicBaseUrl();

    /** Name of this service in event envelopes ({@code producer}). */
    @WithDefault("augment-service")
    String producer();

    /** Prefix of the Kafka topic names (the default gives {@code aft.datasets}, {@code aft.augmentations}). */
    @WithDefault("aft.")
    String topicPrefix();

    /** Least time between two progress events of one run (the last one is always sent). */
    @WithDefault("2s")
    Duration progressInterval();

    Model model();

    /**
     * Further OpenAI-compatible backends by the name a plan's {@code model.backend} uses, e.g.
     * {@code aft.augment.backends.vllm.base-url}; they share {@link #model()}'s limits and retries.
     */
    Map<String, Backend> backends();

    Runs runs();

    Local local();

    Global global();

    Templates templates();

    Filter filter();

    /** The default backend and how every model call is made. */
    interface Model {
        /** The backend name that {@link #baseUrl()} serves (plans name it in {@code model.backend}). */
        @WithDefault("model-service")
        String backend();

        /** API root of that backend. */
        @WithDefault("http://127.0.0.1:8085/v1")
        String baseUrl();

        /** Sent as a bearer token; set it from the environment ({@code AFT_AUGMENT_MODEL_API_KEY}), never in a file. */
        Optional<String> apiKey();

        /** When set, every run uses this model id instead of the plan's {@code model.baseModel}. */
        Optional<String> override();

        /** Requests in flight at once, per backend (and how far a run works ahead). */
        @WithDefault("4")
        int concurrency();

        /**
         * Prompts per completion request (one sample index per request; the server batches them), for global
         * prompts; local prompts use {@code local.batch-size}.
         */
        @WithDefault("8")
        int batchSize();

        /** Time limit of one attempt. */
        @WithDefault("5m")
        Duration requestTimeout();

        /** Attempts per request; no answer, 408, 409, 429 and 5xx are retried with exponential backoff. */
        @WithDefault("5")
        int attempts();

        /** Wait before the first retry (doubled each time, with jitter). */
        @WithDefault("200ms")
        Duration initialBackoff();

        /** Longest wait between two attempts. */
        @WithDefault("10s")
        Duration maxBackoff();
    }

    /** A named backend. */
    interface Backend {
        /** API root, e.g. {@code http://vllm:8000/v1}. */
        String baseUrl();

        /** Bearer token, from the environment. */
        Optional<String> apiKey();
    }

    /** The worker pool that executes runs off the event loop. */
    interface Runs {
        /** Runs executed at the same time; more wait in order. */
        @WithDefault("2")
        int concurrency();

        /** How often unfinished runs are looked for and resumed (also once at start). */
        @WithDefault("30s")
        Duration resumeInterval();

        /**
         * Worker sessions a run may take: after an unexpected error (not a reason to fail, such as an unreachable
         * model, but e.g. the database) the run is resumed later, and failed with the error once it has had this many.
         */
        @WithDefault("5")
        int maxAttempts();
    }

    /** Local augmentation: one prompt per sentence. */
    interface Local {
        /** Most tokens one sample may write. */
        @WithDefault("96")
        int maxTokens();

        /**
         * Prompts per completion request. Local prompts are short and share the template's few-shot prefix,
         * which model-service reads once per batch: a larger batch writes more tokens per second.
         */
        @WithDefault("32")
        int batchSize();
    }

    /** Global augmentation: the corpus in context, one prompt per focus document. */
    interface Global {
        /** Most tokens one sample may write. */
        @WithDefault("256")
        int maxTokens();

        /** Context length assumed when the backend does not report {@code max_model_len}. */
        @WithDefault("2048")
        int defaultContextLength();

        /**
         * Tokens per UTF-8 byte assumed when the backend reports no usage to calibrate on (conservative for
         * BPE and byte-fallback tokenizers of ordinary text).
         */
        @WithDefault("1.0")
        double fallbackTokensPerByte();

        /** Safety margin on estimated prompt tokens (0.15: budget as if prompts were 15% longer). */
        @WithDefault("0.15")
        double margin();
    }

    /** Prompt templates: {@code templates/<family>/local.txt} and {@code global.txt}. */
    interface Templates {
        /** The template family (one per model family); {@code default} ships with the service. */
        @WithDefault("default")
        String family();

        /** A folder with {@code <family>/local.txt} and {@code global.txt} that replaces the built-in ones. */
        Optional<String> directory();
    }

    /** What a statement must look like to be kept. */
    interface Filter {
        /** Fewest characters. */
        @WithDefault("12")
        int minChars();

        /** Most characters. */
        @WithDefault("300")
        int maxChars();

        /** Fewest words. */
        @WithDefault("3")
        int minWords();

        /** The characters a statement may use besides its final period (a regular-expression class body). */
        @WithDefault("A-Za-z0-9 ,;:'\"()+*=-")
        String allowedCharacters();
    }
}
