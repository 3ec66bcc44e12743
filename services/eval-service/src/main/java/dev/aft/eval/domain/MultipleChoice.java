package dev.aft.eval.domain;

import dev.aft.modelclient.Completion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Multiple-choice scoring exactly as lm-evaluation-harness does it, over the OpenAI-compatible completions
 * protocol: each option is a continuation of the context after a target delimiter (a space) and is never
 * shown in the prompt; one request carries the context alone and the context followed by each continuation,
 * echoed with one log-probability per token and nothing generated. The context's echoed token count is
 * {@code ctxlen}; an option's continuation tokens are its echoed tokens after the first {@code ctxlen}
 * (lm-eval's {@code whole_enc[len(context_enc):]}); its score is the sum of their log-probabilities.
 */
public final class MultipleChoice {

    /** lm-eval's default {@code target_delimiter}. */
    public static final String TARGET_DELIMITER = " ";

    private MultipleChoice() {
    }

    /** The prompts of one item: the context, then the context followed by each continuation. */
    public static List<String> prompts(String context, List<String> options) {
        List<String> prompts = new ArrayList<>(options.size() + 1);
        prompts.add(context);
        for (String option : options) {
            prompts.add(context + TARGET_DELIMITER + option);
        }
        return prompts;
    }

    /**
     * The summed continuation log-probability of each option, from the answer to the request built from
     * {@link #prompts}. An answer without prompt log-probabilities (or with too few tokens) is an
     * {@link EvaluationFailure}: never a made-up score.
     */
    public static double[] scores(String itemId, String context, List<String> options, Completion.Response response) {
        List<String> prompts = prompts(context, options);
        List<Completion.Choice> choices = response.choices() == null ? List.of() : new ArrayList<>(response.choices());
        choices.sort(Comparator.comparingInt(Completion.Choice::index));
        if (choices.size() != prompts.size()) {
            throw new EvaluationFailure("item " + itemId + ": the backend answered " + choices.size()
                    + " choice(s) for " + prompts.size() + " prompts (expected one per prompt, n=1)");
        }
        int ctxlen = echoedTokens(itemId, choices.get(0), prompts.get(0), "the context");
        if (ctxlen == 0) {
            throw new EvaluationFailure("item " + itemId + ": the context has no tokens; lm-eval scoring needs a context");
        }
        double[] scores = new double[options.size()];
        for (int i = 0; i < options.size(); i++) {
            Completion.Choice choice = choices.get(i + 1);
            String what = "option " + i;
            int length = echoedTokens(itemId, choice, prompts.get(i + 1), what);
            if (length <= ctxlen) {
                throw new EvaluationFailure("item " + itemId + ": " + what + " has " + length
                        + " echoed token(s), not more than the context's " + ctxlen
                        + "; the continuation has no tokens of its own");
            }
            List<Double> logprobs = choice.logprobs().tokenLogprobs();
            double sum = 0;
            for (int t = ctxlen; t < length; t++) {
                Double value = logprobs.get(t);
                if (value == null || !Double.isFinite(value)) {
                    throw new EvaluationFailure("item " + itemId + ": the backend returned no prompt log-probability"
                            + " for token " + t + " of " + what + " (token_logprobs[" + t + "] is " + value
                            + "); cannot score the continuation");
                }
                sum += value;
            }
            scores[i] = sum;
        }
        return scores;
    }

    /**
     * How many of the choice's tokens belong to its prompt (a backend that generated a token despite
     * {@code max_tokens: 0} has it dropped by its text offset), checking that log-probabilities came back.
     */
    private static int echoedTokens(String itemId, Completion.Choice choice, String prompt, String what) {
        Completion.Logprobs logprobs = choice.logprobs();
        if (logprobs == null) {
            throw new EvaluationFailure("item " + itemId + ": the backend returned no prompt log-probabilities"
                    + " (logprobs is null for " + what + "); it must support echo with logprobs, as"
                    + " lm-evaluation-harness's local-completions requires");
        }
        List<String> tokens = logprobs.tokens();
        List<Double> values = logprobs.tokenLogprobs();
        if (tokens == null || tokens.isEmpty() || values == null || values.size() < tokens.size()) {
            throw new EvaluationFailure("item " + itemId + ": the backend returned no prompt log-probabilities for "
                    + what + " (" + (tokens == null ? 0 : tokens.size()) + " token(s), "
                    + (values == null ? 0 : values.size()) + " token_logprobs); was the prompt echoed?");
        }
        List<Integer> offsets = logprobs.textOffset();
        int count = tokens.size();
        if (offsets != null && offsets.size() == tokens.size()) {
            count = 0;
            while (count < offsets.size() && offsets.get(count) < prompt.length()) {
                count++;
            }
        }
        return count;
    }

    /** The first index of the largest value (numpy's argmax). */
    public static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The option's length in characters (Unicode code points, as Python's {@code len}). */
    public static int characters(String option) {
        return option.codePointCount(0, option.length());
    }
}
