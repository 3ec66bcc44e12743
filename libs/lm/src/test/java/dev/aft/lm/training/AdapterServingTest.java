package dev.aft.lm.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aft.lm.LanguageModel;
import dev.aft.lm.checkpoint.CheckpointException;
import dev.aft.lm.checkpoint.LlamaConfig;
import dev.aft.lm.model.LlamaModel;
import dev.aft.lm.scoring.TokenScores;
import dev.aft.lm.tokenizer.TokenizerFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdapterServingTest {

    @TempDir
    Path folder;

    @Test
    void languageModelLoadsAnAdapterFolderMergedOverItsBase() {
        Path base = folder.resolve("tiny-base");
        try (LlamaModel model = LlamaModel.randomlyInitialized(LlamaConfig.of(32, 64, 2, 4, 2, 300, 32, true), 5,
                0.3)) {
            model.save(base);
        }
        TokenizerFiles.writeUnigram(base, List.of("the", "wug", "is", "a", "blick", "."));
        Path adapter = folder.resolve("adapter");
        TrainingOptions options = TrainingOptions.defaults().withLora(2, 4, List.of("q_proj", "o_proj"))
                .withSteps(5).withBatchSize(2).withLearningRate(5e-2).withCheckpointEvery(0);
        FineTuner.train(base, List.of(TrainingExample.of(261, 262, 263, 264), TrainingExample.of(265, 266, 267)),
                options, folder.resolve("work"), adapter, null, null);

        try (LanguageModel served = LanguageModel.load(adapter, name -> folder.resolve(name));
                LlamaModel merged = LoraAdapters.loadMerged(base, adapter);
                LlamaModel plain = LlamaModel.load(base)) {
            int[] ids = served.tokenizer().ids("the wug is a blick.");
            float[][] expected = TinyModels.logits(merged, ids);
            float[][] actual = TinyModels.logits(served.model(), ids);
            float[][] baseLogits = TinyModels.logits(plain, ids);
            for (int t = 0; t < ids.length; t++) {
                assertThat(TinyModels.maxAbsDifference(actual[t], expected[t])).isLessThan(1e-5);
            }
            assertThat(TinyModels.maxAbsDifference(actual[ids.length - 1], baseLogits[ids.length - 1]))
                    .isGreaterThan(1e-3);
            TokenScores scores = served.score(List.of(ids), 0).get(0);
            assertThat(scores.logprobs()).hasSize(ids.length);
        }
        assertThatThrownBy(() -> LanguageModel.load(adapter))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("names base model 'tiny-base'");
    }
}
