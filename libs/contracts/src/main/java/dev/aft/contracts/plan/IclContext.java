package dev.aft.contracts.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.aft.contracts.WireName;

/** Which training documents the in-context condition puts in the prompt: all (when they fit the context), a seeded random subsample, or those that share entities with the question. */
public enum IclContext implements WireName {
    ALL("all"),
    SUBSAMPLE("subsample"),
    RETRIEVE("retrieve");

    private final String wireName;

    IclContext(String wireName) {
        this.wireName = wireName;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static IclContext of(String wireName) {
        return WireName.parse(IclContext.class, wireName);
    }
}
