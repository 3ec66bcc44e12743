package dev.aft.reference.probe;

import dev.aft.knowledge.TestItem;
import dev.aft.lm.LanguageModel;
import dev.aft.lm.scoring.TokenScores;
import dev.aft.reference.curriculum.PromptFormats;
import dev.aft.reference.tokenizer.ReferenceTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
        List<Boolean> correct = new ArrayList<>();
        for (Scored scored : score(inContext, items)) {
            correct.add(scored.picked() == scored.item().correct());
        }
        return correct;
    }

    /**
     * One item scored in words, for reading what the model weighs: the prefix, then per option its summed
     * log-probability and each of its tokens with its own, {@code *} on the correct option and {@code >} on the
     * model's pick.
     */
    String explain(String inContext, TestItem item) {
        Scored scored = score(inContext, List.of(item)).get(0);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "  prefix \"%s\"%n", item.prefix()));
        for (int option = 0; option < item.options().size(); option++) {
            StringBuilder tokens = new StringBuilder();
            int[] ids = scored.optionTokens().get(option);
            float[] logprobs = scored.optionLogprobs().get(option);
            for (int t = 0; t < ids.length; t++) {
                tokens.append(String.format(Locale.ROOT, " %s %.1f", model.tokenizer().decode(new int[] {ids[t]}).strip(),
                        logprobs[t]));
            }
            text.append(String.format(Locale.ROOT, "  %s%s %-32s %7.2f |%s%n", option == item.correct() ? "*" : " ",
                    option == scored.picked() ? ">" : " ", item.options().get(option), scored.sums()[option], tokens));
        }
        return text.toString();
    }

    /** An item's options scored: their summed log-probabilities, the pick, and each option's tokens and theirs. */
    private record Scored(TestItem item, double[] sums, int picked, List<int[]> optionTokens,
            List<float[]> optionLogprobs) {
    }

    private List<Scored> score(String inContext, List<TestItem> items) {
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
        List<Scored> scored = new ArrayList<>();
        int at = 0;
        for (TestItem item : items) {
            int options = item.options().size();
            double[] sums = new double[options];
            List<int[]> optionTokens = new ArrayList<>();
            List<float[]> optionLogprobs = new ArrayList<>();
            int picked = -1;
            for (int option = 0; option < options; option++, at++) {
                int from = contextLengths.get(at);
                sums[option] = scores.get(at).sum(from);
                optionTokens.add(Arrays.copyOfRange(sequences.get(at), from, sequences.get(at).length));
                optionLogprobs.add(Arrays.copyOfRange(scores.get(at).logprobs(), from, sequences.get(at).length));
                if (picked < 0 || sums[option] > sums[picked]) {
                    picked = option;
                }
            }
            scored.add(new Scored(item, sums, picked, optionTokens, optionLogprobs));
        }
        return scored;
    }

    /** Tokens of a text with BOS, to check what fits the context. */
    int tokens(String text) {
        return ReferenceTokenizer.encodeWithBos(model.tokenizer(), text).length;
    }
}
