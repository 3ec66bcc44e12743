package dev.aft.reference.probe;

import dev.aft.knowledge.TestItem;
import dev.aft.lm.LanguageModel;
import dev.aft.lm.scoring.TokenScores;
import dev.aft.reference.curriculum.PromptFormats;
import dev.aft.reference.tokenizer.ReferenceTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Multiple-choice scoring in-process, as eval-service does it over model-service (lm-evaluation-harness style):
 * the context is {@code inContext + prefix}, each option follows after a space, and an option's score is the
 * summed log-probability of the tokens after the context's own tokens (BOS first, as model-service adds it).
 * The option with the highest score wins; the options are never shown to the model.
 */
final class MultipleChoice {

    private final LanguageModel model;

    MultipleChoice(LanguageModel model) {
        this.model = model;
    }

    /** Whether the model picks each item's correct option, after {@code inContext} ("" for no context). */
    List<Boolean> correct(String inContext, List<TestItem> items) {
        List<int[]> sequences = new ArrayList<>();
        List<Integer> contextLengths = new ArrayList<>();
        for (TestItem item : items) {
            String context = inContext + item.prefix();
            int[] contextIds = ReferenceTokenizer.encodeWithBos(model.tokenizer(), context);
            for (String option : item.options()) {
                int[] whole = ReferenceTokenizer.encodeWithBos(model.tokenizer(),
                        context + PromptFormats.TARGET_DELIMITER + option);
                // lm-eval takes the continuation as the whole's tokens after the context's: they must line up.
                if (whole.length <= contextIds.length
                        || !Arrays.equals(contextIds, Arrays.copyOf(whole, contextIds.length))) {
                    throw new IllegalStateException("Option '" + option + "' does not tokenize as a continuation of '"
                            + item.prefix() + "'");
                }
                sequences.add(whole);
                contextLengths.add(contextIds.length);
            }
        }
        List<TokenScores> scores = model.score(sequences, 0);
        List<Boolean> correct = new ArrayList<>();
        int at = 0;
        for (TestItem item : items) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int option = 0; option < item.options().size(); option++, at++) {
                double score = scores.get(at).sum(contextLengths.get(at));
                if (score > bestScore) {
                    bestScore = score;
                    best = option;
                }
            }
            correct.add(best == item.correct());
        }
        return correct;
    }

    /** Tokens of a text with BOS, to check what fits the context. */
    int tokens(String text) {
        return ReferenceTokenizer.encodeWithBos(model.tokenizer(), text).length;
    }
}
