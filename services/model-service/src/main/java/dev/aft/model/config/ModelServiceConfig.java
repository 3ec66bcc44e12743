package dev.aft.model.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** model-service settings ({@code aft.model.*}, environment {@code AFT_MODEL_*}). */
@ConfigMapping(prefix = "aft.model")
public interface ModelServiceConfig {

    /**
     * The one folder for models, files and fine-tuning work: {@code models/<id>/} (every folder there is served
     * under its name), {@code files/<id>.jsonl} (uploads) and {@code jobs/<id>/} (a job's checkpoints).
     */
    @WithDefault("model-home")
    Path home();

    /** The shipped reference model's folder; registered under {@link #referenceModelId()} when it exists. */
    @WithDefault("models/aft-reference")
    Path referenceModelPath();

    /** The id the reference model is served under. */
    @WithDefault("aft-reference")
    String referenceModelId();

    /** {@code owned_by} of the models this service serves. */
    @WithDefault("aft")
    String owner();

    Cache cache();

    Limits limits();

    FineTuning fineTuning();

    /** Loaded models kept in memory. */
    interface Cache {
        /** Most models loaded at once; the least recently used one is closed when another is needed. */
        @WithDefault("4")
        int maxLoadedModels();
    }

    /** Bounds on one request; requests over them get a 400 (a file over its limit a 413). */
    interface Limits {
        /** Most prompts in one {@code /v1/completions} request. */
        @WithDefault("256")
        int maxPrompts();

        /** Most choices per prompt ({@code n}). */
        @WithDefault("16")
        int maxChoices();

        /** Largest {@code max_tokens}. */
        @WithDefault("4096")
        int maxTokens();

        /** Most messages in one chat request. */
        @WithDefault("512")
        int maxMessages();

        /** Largest uploaded file, in bytes. */
        @WithDefault("104857600")
        long maxFileBytes();
    }

    /** The fine-tuning job queue. */
    interface FineTuning {
        /** Jobs that train at the same time; the others wait in the queue in creation order. */
        @WithDefault("1")
        int concurrency();

        /** Least time between two progress events of a job (checkpoints always get one). */
        @WithDefault("1s")
        Duration progressInterval();

        /** Checkpoint interval in steps when a job names none (0: the engine's default). */
        @WithDefault("0")
        int checkpointEvery();

        /** How long a stopping service waits for running jobs to reach a safe point before it exits. */
        @WithDefault("20s")
        Duration shutdownGrace();
    }
}
