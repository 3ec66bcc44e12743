package dev.aft.lm.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.aft.lm.model.LlamaModel;
import dev.aft.lm.reference.ReferenceLlama;
import dev.aft.lm.reference.TinyLlama;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptScorerTest {

    @TempDir
    static Path folder;

    private static TinyLlama tiny;
    private static ReferenceLlama reference;
    private static LlamaModel model;

    @BeforeAll
    static void loadModel() throws IOException {
        // Grouped-query attention (4 query heads over 2 key/value heads), untied head.
        tiny = TinyLlama.random(32, 64, 2, 4, 2, 8, 50, false, 33);
        reference = new ReferenceLlama(tiny);
        model = LlamaModel.load(tiny.writeTo(folder.resolve("checkpoint")));
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    /** Documents, then questions, then options: the shape of an in-context evaluation. */
    private static List<int[]> questionsAfterSharedDocuments(long seed, int documents, int questions, int options) {
        Random random = new Random(seed);
        int[] context = random.ints(documents, 0, 50).toArray();
        List<int[]> sequences = new ArrayList<>();
        for (int q = 0; q < questions; q++) {
            int[] question = random.ints(4 + random.nextInt(3), 0, 50).toArray();
            for (int o = 0; o < options; o++) {
                int[] option = random.ints(1 + random.nextInt(3), 0, 50).toArray();
                int[] sequence = new int[context.length + question.length + option.length];
                System.arraycopy(context, 0, sequence, 0, context.length);
                System.arraycopy(question, 0, sequence, context.length, question.length);
                System.arraycopy(option, 0, sequence, context.length + question.length, option.length);
                sequences.add(sequence);
            }
        }
        return sequences;
    }

    private static void assertMatchesReference(List<int[]> sequences, List<TokenScores> scores, int topK) {
        assertThat(scores).hasSize(sequences.size());
        for (int s = 0; s < sequences.size(); s++) {
            int[] tokens = sequences.get(s);
            double[][] logProbs = ReferenceLlama.logSoftmax(reference.logits(tokens));
            TokenScores score = scores.get(s);
            assertThat(score.logprobs()).hasSize(tokens.length);
            assertThat(score.logprobs()[0]).isNaN();
            for (int j = 1; j < tokens.length; j++) {
                assertThat((double) score.logprobs()[j]).as("sequence %d token %d", s, j)
                        .isCloseTo(logProbs[j - 1][tokens[j]], offset(1e-4));
                if (topK > 0) {
                    double[] row = logProbs[j - 1];
                    Integer[] order = new Integer[row.length];
                    for (int v = 0; v < row.length; v++) {
                        order[v] = v;
                    }
                    java.util.Arrays.sort(order, (a, b) -> Double.compare(row[b], row[a]));
                    assertThat(score.topIds()[j]).hasSize(topK);
                    for (int k = 0; k < topK; k++) {
                        assertThat((double) score.topLogprobs()[j][k]).as("sequence %d token %d top %d", s, j, k)
                                .isCloseTo(row[order[k]], offset(1e-4));
                    }
                    assertThat(score.topIds()[j][0]).isEqualTo(order[0]);
                }
            }
        }
    }

    @Test
    void cachedPrefixesGiveTheReferenceScoresAndAreComputedOnce() {
        List<int[]> sequences = questionsAfterSharedDocuments(1, 40, 5, 2);
        try (PromptScorer scorer = new PromptScorer(model, 4, 8, 64L << 20)) {
            List<TokenScores> scores = scorer.score(sequences, 0);

            assertMatchesReference(sequences, scores, 0);
            PromptScorer.Statistics statistics = scorer.statistics();
            assertThat(statistics.cachedPrefixes()).as("the documents, nested question prefixes").isGreaterThanOrEqualTo(1);
            int total = sequences.stream().mapToInt(s -> s.length).sum();
            assertThat(statistics.tokensReused()).as("every prompt reuses at least the 40 document tokens")
                    .isGreaterThanOrEqualTo(40L * sequences.size());
            assertThat(statistics.tokensComputed()).isLessThan(total / 3);
        }
    }

    @Test
    void prefixesAreReusedAcrossCallsOnePromptAtATime() {
        // lm-evaluation-harness sends one prompt per request by default.
        List<int[]> sequences = questionsAfterSharedDocuments(2, 30, 3, 2);
        try (PromptScorer scorer = new PromptScorer(model, 4, 8, 64L << 20)) {
            List<TokenScores> scores = new ArrayList<>();
            for (int[] sequence : sequences) {
                scores.addAll(scorer.score(List.of(sequence), 3));
            }

            assertMatchesReference(sequences, scores, 3);
            assertThat(scorer.statistics().tokensReused()).isGreaterThanOrEqualTo(30L * (sequences.size() - 2));
        }
    }

    @Test
    void topAlternativesMatchTheReferenceWithAndWithoutCache() {
        List<int[]> sequences = questionsAfterSharedDocuments(3, 20, 2, 3);
        try (PromptScorer uncached = new PromptScorer(model, 3, 0, 0)) {
            assertMatchesReference(sequences, uncached.score(sequences, 5), 5);
            assertThat(uncached.statistics().tokensReused()).isZero();
        }
        try (PromptScorer cached = new PromptScorer(model, 3, 4, 64L << 20)) {
            assertMatchesReference(sequences, cached.score(sequences, 5), 5);
        }
    }

    @Test
    void aTinyBudgetEvictsPrefixesBetweenCallsWithoutChangingScores() {
        List<int[]> sequences = questionsAfterSharedDocuments(4, 25, 3, 2);
        try (PromptScorer scorer = new PromptScorer(model, 2, 4, 1)) {
            assertMatchesReference(sequences, scorer.score(sequences, 0), 0);
            assertThat(scorer.statistics().cachedPrefixes()).isZero();
            assertThat(scorer.statistics().cachedBytes()).isZero();
            assertMatchesReference(sequences, scorer.score(sequences, 0), 0);
        }
    }

    @Test
    void badSequencesAreRejectedBeforeScoring() {
        try (PromptScorer scorer = new PromptScorer(model, 2, 4, 1 << 20)) {
            assertThatThrownBy(() -> scorer.score(List.of(new int[] {1, 2}, new int[] {3, 50}), 0))
                    .hasMessage("Sequence 1 holds token id 50 outside the vocabulary 0..49");
            assertThatThrownBy(() -> scorer.score(List.of(new int[0]), 0)).hasMessage("Sequence 0 is empty");
            assertThatThrownBy(() -> scorer.score(List.of(new int[65]), 0))
                    .hasMessage("Sequence 0 has 65 tokens; the model's context is 64");
            assertThatThrownBy(() -> scorer.score(List.of(new int[] {1}), -1))
                    .hasMessage("topLogprobs must be in 0..5, got -1");
        }
    }
}
