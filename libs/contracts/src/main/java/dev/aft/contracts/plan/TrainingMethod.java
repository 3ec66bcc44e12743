package dev.aft.contracts.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.aft.contracts.WireName;

/** Which weights fine-tuning changes: all of them, or a low-rank adapter over a frozen base. */
public enum TrainingMethod implements WireName {
    FULL("full"),
    LORA("lora");

    private final String wireName;

    TrainingMethod(String wireName) {
        this.wireName = wireName;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static TrainingMethod of(String wireName) {
        return WireName.parse(TrainingMethod.class, wireName);
    }
}
