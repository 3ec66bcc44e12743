package dev.aft.contracts;

import dev.aft.contracts.events.AugmentationCompleted;
import dev.aft.contracts.events.AugmentationFailed;
import dev.aft.contracts.events.DatasetCreated;
import dev.aft.contracts.events.EvaluationCompleted;
import dev.aft.contracts.events.EvaluationFailed;
import dev.aft.contracts.events.ExperimentReported;
import dev.aft.contracts.events.ModelTrained;
import dev.aft.contracts.events.StageProgressed;
import dev.aft.contracts.events.TrainingFailed;
import java.util.Arrays;
import java.util.Optional;

/** Every event: its wire name, payload record, the schema version this build writes and reads, its topic. */
public enum EventType {
    DATASET_CREATED("DatasetCreated", DatasetCreated.class, 1, Topics.DATASETS),
    AUGMENTATION_COMPLETED("AugmentationCompleted", AugmentationCompleted.class, 1, Topics.AUGMENTATIONS),
    AUGMENTATION_FAILED("AugmentationFailed", AugmentationFailed.class, 1, Topics.AUGMENTATIONS),
    MODEL_TRAINED("ModelTrained", ModelTrained.class, 1, Topics.MODELS),
    TRAINING_FAILED("TrainingFailed", TrainingFailed.class, 1, Topics.MODELS),
    EVALUATION_COMPLETED("EvaluationCompleted", EvaluationCompleted.class, 1, Topics.EVALUATIONS),
    EVALUATION_FAILED("EvaluationFailed", EvaluationFailed.class, 1, Topics.EVALUATIONS),
    EXPERIMENT_REPORTED("ExperimentReported", ExperimentReported.class, 1, Topics.REPORTS),
    STAGE_PROGRESSED("StageProgressed", StageProgressed.class, 1, Topics.PROGRESS);

    private final String wireName;
    private final Class<? extends EventPayload> payloadType;
    private final int schemaVersion;
    private final String topic;

    EventType(String wireName, Class<? extends EventPayload> payloadType, int schemaVersion, String topic) {
        this.wireName = wireName;
        this.payloadType = payloadType;
        this.schemaVersion = schemaVersion;
        this.topic = topic;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** The topic (and channel) this event is published on. */
    public String topic() {
        return topic;
    }

    public static Optional<EventType> byWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    public static EventType of(Class<?> payloadType) {
        return Arrays.stream(values()).filter(t -> t.payloadType.equals(payloadType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(payloadType.getName() + " is not an event payload"));
    }
}
