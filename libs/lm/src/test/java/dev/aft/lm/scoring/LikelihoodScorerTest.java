package dev.aft.lm.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.aft.lm.model.LlamaModel;
import dev.aft.lm.reference.ReferenceLlama;
import dev.aft.lm.reference.TinyLlama;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LikelihoodScorerTest {

    private static final List<int[]> SEQUENCES = List.of(
            new int[] {1, 5, 9, 13},
            new int[] {1, 44, 3, 3, 7, 21, 49, 0, 2, 30, 31},
            new int[] {7},
            new int[] {1, 2},
            new int[] {1, 44, 3, 3, 7, 21, 18});

    @TempDir
    static Path folder;

    private static TinyLlama tiny;
    private static LlamaModel model;

    @BeforeAll
    static void loadModel() throws IOException {
        tiny = TinyLlama.random(32, 64, 2, 4, 2, 8, 50, false, 21);
        model = LlamaModel.load(tiny.writeTo(folder.resolve("checkpoint")));
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @Test
    void everyPromptTokenGetsTheReferenceLogProbabilityInPaddedBatches() {
        ReferenceLlama reference = new ReferenceLlama(tiny);

        List<float[]> scores = new LikelihoodScorer(model, 2).tokenLogProbs(SEQUENCES);

        assertThat(scores).hasSize(SEQUENCES.size());
        for (int s = 0; s < SEQUENCES.size(); s++) {
            int[] tokens = SEQUENCES.get(s);
            double[][] logProbs = ReferenceLlama.logSoftmax(reference.logits(tokens));
            assertThat(scores.get(s)).as("sequence %d", s).hasSize(tokens.length - 1);
            for (int j = 1; j < tokens.length; j++) {
                assertThat((double) scores.get(s)[j - 1]).as("sequence %d token %d", s, j)
                        .isCloseTo(logProbs[j - 1][tokens[j]], offset(1e-4));
            }
        }
    }

    @Test
    void batchSizeDoesNotChangeScores() {
        List<float[]> oneByOne = new LikelihoodScorer(model, 1).tokenLogProbs(SEQUENCES);
        List<float[]> allTogether = new LikelihoodScorer(model, 16).tokenLogProbs(SEQUENCES);

        for (int s = 0; s < SEQUENCES.size(); s++) {
            for (int j = 0; j < oneByOne.get(s).length; j++) {
                assertThat(allTogether.get(s)[j]).isCloseTo(oneByOne.get(s)[j], offset(1e-5f));
            }
        }
    }

    @Test
    void tokensOutsideTheVocabularyAreRejectedBeforeScoring() {
        LikelihoodScorer scorer = new LikelihoodScorer(model, 4);

        assertThatThrownBy(() -> scorer.tokenLogProbs(List.of(new int[] {1, 2}, new int[] {3, 50})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Sequence 1 holds token id 50 outside the vocabulary 0..49");
        assertThatThrownBy(() -> scorer.tokenLogProbs(List.of(new int[0])))
                .hasMessage("Sequence 0 is empty");
        assertThatThrownBy(() -> scorer.tokenLogProbs(List.of(new int[65])))
                .hasMessage("Sequence 0 has 65 tokens; the model's context is 64");
    }
}
