package dev.aft.contracts.events;

import static dev.aft.contracts.Checks.nonNegative;

/** Tokens a model read (prompt) and wrote (completion): the cost of a stage. */
public record TokenUsage(long promptTokens, long completionTokens) {

    public TokenUsage {
        nonNegative(promptTokens, "promptTokens");
        nonNegative(completionTokens, "completionTokens");
    }

    public long total() {
        return promptTokens + completionTokens;
    }
}
