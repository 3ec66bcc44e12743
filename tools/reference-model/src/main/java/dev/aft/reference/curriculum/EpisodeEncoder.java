package dev.aft.reference.curriculum;

import dev.aft.lm.tokenizer.Tokenizer;
import dev.aft.lm.tokenizer.TokenizerFiles;
import dev.aft.lm.training.TrainingExample;
import java.util.Arrays;
import java.util.Optional;

/**
 * Turns an episode into training tokens the way model-service's fine-tuning reads a prompt/completion record:
 * BOS, then the tokens of {@code prompt + completion} encoded together, split after the prompt's own tokens
 * (which the reference tokenizer makes a prefix of the whole whenever the prompt ends in a line break). An empty
 * prompt leaves only BOS unlearned.
 */
public final class EpisodeEncoder {

    private final Tokenizer tokenizer;
    private final int maxTokens;

    /** @param maxTokens the longest sequence kept (the model's context, or a stage's sequence length) */
    public EpisodeEncoder(Tokenizer tokenizer, int maxTokens) {
        this.tokenizer = tokenizer;
        this.maxTokens = maxTokens;
    }

    /**
     * The example, or empty when it is longer than {@code maxTokens}.
     *
     * @throws IllegalStateException the prompt's tokens are not a prefix of the whole text's
     */
    public Optional<TrainingExample> encode(Episode episode) {
        int[] all = tokenizer.encode(episode.text()).ids();
        if (all.length + 1 > maxTokens) {
            return Optional.empty();
        }
        int[] head = tokenizer.encode(episode.prompt()).ids();
        if (head.length >= all.length || !Arrays.equals(head, Arrays.copyOf(all, head.length))) {
            throw new IllegalStateException("The prompt's tokens are not a prefix of the episode's: "
                    + episode.prompt().substring(Math.max(0, episode.prompt().length() - 40)));
        }
        int[] prompt = new int[head.length + 1];
        prompt[0] = TokenizerFiles.BOS_ID;
        System.arraycopy(head, 0, prompt, 1, head.length);
        return Optional.of(new TrainingExample(prompt, Arrays.copyOfRange(all, head.length, all.length)));
    }
}
