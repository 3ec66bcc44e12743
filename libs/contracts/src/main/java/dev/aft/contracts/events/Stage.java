package dev.aft.contracts.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.aft.contracts.WireName;

/** The pipeline's stages, as dashboards show them. */
public enum Stage implements WireName {
    DATASET("dataset"),
    AUGMENTATION("augmentation"),
    TRAINING("training"),
    EVALUATION("evaluation"),
    REPORT("report");

    private final String wireName;

    Stage(String wireName) {
        this.wireName = wireName;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Stage of(String wireName) {
        return WireName.parse(Stage.class, wireName);
    }
}
