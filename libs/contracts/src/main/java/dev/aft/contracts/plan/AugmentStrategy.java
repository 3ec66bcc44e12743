package dev.aft.contracts.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.aft.contracts.WireName;

/** How augment-service writes augmentations: per sentence (local) or with the whole corpus in context (global). */
public enum AugmentStrategy implements WireName {
    LOCAL("local"),
    GLOBAL("global");

    private final String wireName;

    AugmentStrategy(String wireName) {
        this.wireName = wireName;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static AugmentStrategy of(String wireName) {
        return WireName.parse(AugmentStrategy.class, wireName);
    }
}
