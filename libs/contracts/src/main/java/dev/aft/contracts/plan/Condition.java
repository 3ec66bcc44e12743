package dev.aft.contracts.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.aft.contracts.WireName;
import java.util.EnumSet;

/** The study's arms: how the model meets the new knowledge before it is tested. */
public enum Condition implements WireName {
    /** The base model, no context: the no-leakage control. */
    PRETRAINED("pretrained", false, EnumSet.noneOf(AugmentStrategy.class)),
    /** The base model with the training documents in context. */
    ICL("icl", false, EnumSet.noneOf(AugmentStrategy.class)),
    /** Fine-tuned on the training documents. */
    FT("ft", true, EnumSet.noneOf(AugmentStrategy.class)),
    FT_LOCAL("ft+local", true, EnumSet.of(AugmentStrategy.LOCAL)),
    FT_GLOBAL("ft+global", true, EnumSet.of(AugmentStrategy.GLOBAL)),
    FT_LOCAL_GLOBAL("ft+local+global", true, EnumSet.of(AugmentStrategy.LOCAL, AugmentStrategy.GLOBAL));

    private final String wireName;
    private final boolean fineTuned;
    private final EnumSet<AugmentStrategy> augmentations;

    Condition(String wireName, boolean fineTuned, EnumSet<AugmentStrategy> augmentations) {
        this.wireName = wireName;
        this.fineTuned = fineTuned;
        this.augmentations = augmentations;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Whether this condition evaluates a fine-tuned model (and so needs a training run). */
    public boolean fineTuned() {
        return fineTuned;
    }

    /** The augmentations whose statements this condition's training set adds to the documents. */
    public EnumSet<AugmentStrategy> augmentations() {
        return augmentations.clone();
    }

    @JsonCreator
    public static Condition of(String wireName) {
        return WireName.parse(Condition.class, wireName);
    }
}
