package dev.aft.lm.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.aft.lm.LanguageModel;
import dev.aft.lm.reference.ReferenceLlama;
import dev.aft.lm.reference.TinyLlama;
import dev.aft.lm.tokenizer.TokenizerFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {

    private static final List<String> WORDS = List.of("the", "wug", "is", "a", "blick", "dax", "fep", "of", "and",
            "not", "every", "some", "zorp", "glim", ".");

    @TempDir
    static Path folder;

    private static TinyLlama tiny;
    private static ReferenceLlama reference;
    private static LanguageModel model;

    @BeforeAll
    static void load() throws IOException {
        tiny = TinyLlama.random(32, 64, 2, 4, 2, 8, 320, true, 5);
        reference = new ReferenceLlama(tiny);
        Path checkpoint = tiny.writeTo(folder.resolve("model"));
        TokenizerFiles.writeUnigram(checkpoint, WORDS);
        model = LanguageModel.load(checkpoint);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static int[] prompt(String text) {
        return model.tokenizer().ids(text);
    }

    /** Greedy decoding recomputed from scratch with the independent reference at every step. */
    private static List<Integer> referenceGreedy(int[] prompt, int steps, List<Float> logprobs) {
        List<Integer> tokens = new ArrayList<>();
        int[] sequence = prompt.clone();
        for (int s = 0; s < steps; s++) {
            double[][] logSoftmax = ReferenceLlama.logSoftmax(reference.logits(sequence));
            double[] last = logSoftmax[sequence.length - 1];
            int best = 0;
            for (int v = 1; v < last.length; v++) {
                if (last[v] > last[best]) {
                    best = v;
                }
            }
            tokens.add(best);
            logprobs.add((float) last[best]);
            sequence = java.util.Arrays.copyOf(sequence, sequence.length + 1);
            sequence[sequence.length - 1] = best;
        }
        return tokens;
    }

    @Test
    void cachedBatchedGreedyDecodingMatchesTheReferenceForPromptsOfDifferentLengths() {
        String[] texts = {"the wug is", "every blick of some dax and the fep is not", "zorp", "a glim ."};
        List<GenerationRequest> requests = new ArrayList<>();
        for (String text : texts) {
            requests.add(new GenerationRequest(prompt(text), 8, 0, 1, 0, List.of(), 2));
        }

        List<Generation> generations = model.generate(requests);

        for (int i = 0; i < texts.length; i++) {
            List<Float> expectedLogprobs = new ArrayList<>();
            List<Integer> expected = referenceGreedy(prompt(texts[i]), 8, expectedLogprobs);
            Generation generation = generations.get(i);
            assertThat(generation.tokens()).as(texts[i]).containsExactly(expected.stream().mapToInt(t -> t).toArray());
            assertThat(generation.finishReason()).isEqualTo(Generation.FinishReason.LENGTH);
            for (int t = 0; t < 8; t++) {
                assertThat(generation.logprobs()[t]).isCloseTo(expectedLogprobs.get(t), offset(1e-4f));
                assertThat(generation.topIds()[t][0]).isEqualTo(expected.get(t));
                assertThat(generation.topLogprobs()[t][1]).isLessThanOrEqualTo(generation.topLogprobs()[t][0]);
            }
            assertThat(generation.text()).isEqualTo(model.tokenizer().continuationText(prompt(texts[i]),
                    generation.tokens()));
        }
    }

    @Test
    void theSameSeedGivesTheSameSampleAloneOrInABatchAndOtherSeedsDiffer() {
        int[] prompt = prompt("the wug is a");
        GenerationRequest seeded = new GenerationRequest(prompt, 12, 1.0, 0.95, 42, List.of(), 0);

        Generation alone = model.generate(List.of(seeded)).get(0);
        List<Generation> batch = model.generate(List.of(
                new GenerationRequest(prompt("some dax"), 5, 1.0, 1, 7, List.of(), 0), seeded, seeded));
        List<String> others = new ArrayList<>();
        for (long seed = 1; seed <= 5; seed++) {
            others.add(model.generate(List.of(new GenerationRequest(prompt, 12, 1.0, 0.95, seed, List.of(), 0)))
                    .get(0).text());
        }

        assertThat(batch.get(1).tokens()).containsExactly(alone.tokens());
        assertThat(batch.get(2).tokens()).containsExactly(alone.tokens());
        assertThat(others).anyMatch(text -> !text.equals(alone.text()));
    }

    @Test
    void aStopStringEndsTheTextBeforeIt() {
        int[] prompt = prompt("every blick");
        Generation free = model.generate(List.of(GenerationRequest.greedy(prompt, 10))).get(0);
        String stop = model.tokenizer().continuationText(prompt, java.util.Arrays.copyOfRange(free.tokens(), 3, 4));
        assertThat(stop).isNotBlank();
        int cut = free.text().indexOf(stop);

        Generation stopped = model.generate(List.of(new GenerationRequest(prompt, 10, 0, 1, 0, List.of(stop), 0)))
                .get(0);

        assertThat(stopped.finishReason()).isEqualTo(Generation.FinishReason.STOP);
        assertThat(stopped.text()).isEqualTo(free.text().substring(0, cut));
        assertThat(stopped.tokens().length).isLessThanOrEqualTo(4);
    }

    @Test
    void zeroTokensTheContextLimitAndBadRequests() {
        Generation none = model.generate(List.of(GenerationRequest.greedy(prompt("the wug"), 0))).get(0);
        assertThat(none.tokens()).isEmpty();
        assertThat(none.text()).isEmpty();

        int[] nearlyFull = new int[60];
        java.util.Arrays.fill(nearlyFull, 300);
        Generation limited = model.generate(List.of(GenerationRequest.greedy(nearlyFull, 20))).get(0);
        assertThat(limited.tokens()).hasSize(4);
        assertThat(limited.finishReason()).isEqualTo(Generation.FinishReason.LENGTH);

        assertThatThrownBy(() -> model.generate(List.of(GenerationRequest.greedy(new int[65], 1))))
                .hasMessage("Request 0 has a prompt of 65 tokens; the model's context is 64");
        assertThatThrownBy(() -> model.generate(List.of(GenerationRequest.greedy(new int[] {320}, 1))))
                .hasMessage("Request 0 holds token id 320 outside the vocabulary 0..319");
        assertThatThrownBy(() -> new GenerationRequest(new int[] {1}, 1, -1, 1, 0, List.of(), 0))
                .hasMessage("temperature must be in [0, 10], got -1.0");
    }
}
