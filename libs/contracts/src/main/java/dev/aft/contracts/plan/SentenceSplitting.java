package dev.aft.contracts.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.aft.contracts.WireName;

/** How multi-sentence documents become fine-tuning examples: whole, one example per sentence, or one per sentence with the preceding sentences as context. */
public enum SentenceSplitting implements WireName {
    NONE("none"),
    INDEPENDENT("independent"),
    CUMULATIVE("cumulative");

    private final String wireName;

    SentenceSplitting(String wireName) {
        this.wireName = wireName;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static SentenceSplitting of(String wireName) {
        return WireName.parse(SentenceSplitting.class, wireName);
    }
}
