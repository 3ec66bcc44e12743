package dev.aft.eval.domain;

import java.util.OptionalInt;

/** Counts tokens the way the backend that will score the prompts counts them. */
@FunctionalInterface
public interface TokenCounter {

    /** The text's token count, or empty when the text alone is longer than the model's context. */
    OptionalInt count(String text);
}
