package dev.aft.eval.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aft.knowledge.TestItem;
import dev.aft.modelclient.Completion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** lm-evaluation-harness's multiple-choice arithmetic on echoed prompt log-probabilities. */
class MultipleChoiceTest {

    private static final String CONTEXT = "glon are";
    private static final List<String> OPTIONS = List.of("heavier than femp", "lighter than femp");

    @Test
    void promptsAreTheContextAloneThenTheContextWithEachOptionAfterASpace() {
        assertThat(MultipleChoice.prompts(CONTEXT, OPTIONS)).containsExactly("glon are",
                "glon are heavier than femp", "glon are lighter than femp");
    }

    @Test
    void anOptionScoresTheSumOfItsTokensAfterTheContextsTokenCount() {
        // context: 2 tokens; options: 3 more tokens each
        Completion.Response response = response(
                choice(0, words("▁glon", "▁are"), logprobs(null, -1.0)),
                choice(1, words("▁glon", "▁are", "▁heavier", "▁than", "▁femp"), logprobs(null, -1.0, -2.0, -0.5, -0.25)),
                choice(2, words("▁glon", "▁are", "▁lighter", "▁than", "▁femp"), logprobs(null, -1.0, -1.0, -0.5, -3.0)));
        double[] scores = MultipleChoice.scores("t-1", CONTEXT, OPTIONS, response);
        assertThat(scores).containsExactly(-2.75, -4.5);
    }

    @Test
    void choicesAreMatchedToPromptsByIndexNotByOrder() {
        Completion.Response response = response(
                choice(2, words("▁glon", "▁are", "▁x"), logprobs(null, -1.0, -7.0)),
                choice(0, words("▁glon", "▁are"), logprobs(null, -1.0)),
                choice(1, words("▁glon", "▁are", "▁y"), logprobs(null, -1.0, -3.0)));
        assertThat(MultipleChoice.scores("t-1", CONTEXT, List.of("y", "x"), response)).containsExactly(-3.0, -7.0);
    }

    @Test
    void aTokenGeneratedDespiteMaxTokensZeroIsDroppedByItsTextOffset() {
        Completion.Logprobs context = new Completion.Logprobs(List.of("▁glon", "▁are", "▁gen"),
                Arrays.asList(null, -1.0, -9.0), null, List.of(0, 4, 8));
        Completion.Logprobs option = new Completion.Logprobs(List.of("▁glon", "▁are", "▁y", "▁gen"),
                Arrays.asList(null, -1.0, -2.0, -9.0), null, List.of(0, 4, 8, 10));
        Completion.Response response = new Completion.Response("r", "m", List.of(
                new Completion.Choice(0, CONTEXT, context, "length"),
                new Completion.Choice(1, CONTEXT + " y", option, "length"),
                new Completion.Choice(2, CONTEXT + " y", option, "length")), null);
        assertThat(MultipleChoice.scores("t-1", CONTEXT, List.of("y", "y"), response)).containsExactly(-2.0, -2.0);
    }

    @Test
    void anAnswerWithoutLogprobsFailsLoudlyInsteadOfScoring() {
        Completion.Response response = new Completion.Response("r", "m", List.of(
                new Completion.Choice(0, CONTEXT, null, "length"),
                new Completion.Choice(1, "a", null, "length"),
                new Completion.Choice(2, "b", null, "length")), null);
        assertThatThrownBy(() -> MultipleChoice.scores("t-7", CONTEXT, OPTIONS, response))
                .isInstanceOf(EvaluationFailure.class)
                .hasMessageContaining("item t-7").hasMessageContaining("no prompt log-probabilities");
    }

    @Test
    void aMissingContinuationLogprobFailsLoudly() {
        Completion.Response response = response(
                choice(0, words("▁glon", "▁are"), logprobs(null, -1.0)),
                choice(1, words("▁glon", "▁are", "▁heavier"), logprobs(null, -1.0, null)),
                choice(2, words("▁glon", "▁are", "▁lighter"), logprobs(null, -1.0, -1.0)));
        assertThatThrownBy(() -> MultipleChoice.scores("t-1", CONTEXT, OPTIONS, response))
                .isInstanceOf(EvaluationFailure.class).hasMessageContaining("token_logprobs[2] is null");
    }

    @Test
    void anOptionWithNoTokensBeyondTheContextFailsLoudly() {
        Completion.Response response = response(
                choice(0, words("▁glon", "▁are"), logprobs(null, -1.0)),
                choice(1, words("▁glon", "▁are"), logprobs(null, -1.0)),
                choice(2, words("▁glon", "▁are", "▁x"), logprobs(null, -1.0, -1.0)));
        assertThatThrownBy(() -> MultipleChoice.scores("t-1", CONTEXT, OPTIONS, response))
                .isInstanceOf(EvaluationFailure.class).hasMessageContaining("option 0 has 2 echoed token(s)");
    }

    @Test
    void tooFewChoicesFailLoudly() {
        Completion.Response response = response(choice(0, words("▁glon", "▁are"), logprobs(null, -1.0)));
        assertThatThrownBy(() -> MultipleChoice.scores("t-1", CONTEXT, OPTIONS, response))
                .isInstanceOf(EvaluationFailure.class).hasMessageContaining("1 choice(s) for 3 prompts");
    }

    @Test
    void accTakesTheFirstBestOptionAndAccNormDividesByCharacters() {
        TestItem item = new TestItem("t-1", "reversal", "comparison", "x", List.of("ab", "abcd", "cd"), 1, List.of());
        ItemResult result = ItemResult.of(item, new double[] {-4.0, -6.0, -4.0});
        assertThat(result.predicted()).as("ties go to the first index").isEqualTo(0);
        assertThat(result.predictedNorm()).as("-6/4 beats -4/2").isEqualTo(1);
        assertThat(result.correct()).isFalse();
        assertThat(result.correctNorm()).isTrue();
        assertThat(result.optionChars()).containsExactly(2, 4, 2);
    }

    @Test
    void optionLengthCountsCodePointsAsPythonDoes() {
        assertThat(MultipleChoice.characters("a\uD83D\uDE00b")).isEqualTo(3);
    }

    private static List<String> words(String... tokens) {
        return List.of(tokens);
    }

    private static List<Double> logprobs(Double... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    private static Completion.Choice choice(int index, List<String> tokens, List<Double> logprobs) {
        return new Completion.Choice(index, String.join("", tokens),
                new Completion.Logprobs(tokens, logprobs, null, null), "length");
    }

    private static Completion.Response response(Completion.Choice... choices) {
        return new Completion.Response("cmpl-1", "tiny", List.of(choices), new Completion.Usage(10, 0, 10));
    }
}
