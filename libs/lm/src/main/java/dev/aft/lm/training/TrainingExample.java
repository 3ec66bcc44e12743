package dev.aft.lm.training;

import java.util.Arrays;
import java.util.Objects;

/**
 * One training sequence as token ids: the model learns to predict {@code prompt + completion} token by
 * token, or only the completion tokens when {@link TrainingOptions#completionOnlyLoss()} is set.
 *
 * @param prompt     context tokens (may be empty)
 * @param completion tokens to learn (at least one)
 */
public record TrainingExample(int[] prompt, int[] completion) {

    public TrainingExample {
        prompt = Objects.requireNonNull(prompt, "prompt").clone();
        completion = Objects.requireNonNull(completion, "completion").clone();
        if (completion.length == 0) {
            throw new IllegalArgumentException("A training example needs at least one completion token");
        }
    }

    /** An example without a prompt: the whole sequence is learned. */
    public static TrainingExample of(int... tokens) {
        return new TrainingExample(new int[0], tokens);
    }

    @Override
    public int[] prompt() {
        return prompt.clone();
    }

    @Override
    public int[] completion() {
        return completion.clone();
    }

    /** Number of tokens of prompt and completion together. */
    public int length() {
        return prompt.length + completion.length;
    }

    /** Prompt followed by completion. */
    public int[] tokens() {
        int[] tokens = Arrays.copyOf(prompt, prompt.length + completion.length);
        System.arraycopy(completion, 0, tokens, prompt.length, completion.length);
        return tokens;
    }

    int promptLength() {
        return prompt.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrainingExample e && Arrays.equals(prompt, e.prompt)
                && Arrays.equals(completion, e.completion);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(prompt) + Arrays.hashCode(completion);
    }

    @Override
    public String toString() {
        return "TrainingExample[prompt=" + Arrays.toString(prompt) + ", completion=" + Arrays.toString(completion)
                + "]";
    }
}
