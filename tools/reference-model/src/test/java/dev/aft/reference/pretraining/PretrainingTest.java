package dev.aft.reference.pretraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aft.lm.LanguageModel;
import dev.aft.lm.checkpoint.LlamaCheckpoint;
import dev.aft.lm.generation.Generation;
import dev.aft.lm.generation.GenerationRequest;
import dev.aft.lm.training.TrainingCancelledException;
import dev.aft.reference.curriculum.Curriculum;
import dev.aft.reference.curriculum.Stage;
import dev.aft.reference.tokenizer.ReferenceTokenizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pretraining end to end with a tiny model and a few thousand tokens. */
class PretrainingTest {

    /** Two short stages of small batches, so that each takes several steps. */
    static final List<Stage> STAGES = List.of(
            new Stage("short", 0.3, 128, 4, new Curriculum.Mix(0.3, 0.5, 0.2, 0, 0, 0), 1, 2, 0, 1, 3, 4, 10),
            new Stage("long", 0.7, 256, 4, new Curriculum.Mix(0.2, 0.4, 0.1, 0, 0.2, 0.1), 2, 12, 0.5, 2, 4, 10, 30));

    @TempDir
    Path folder;

    private PretrainOptions options(String name, long seed) {
        return new PretrainOptions(folder.resolve(name + "-model"), folder.resolve(name + "-work"), seed, 8_000, 1, 32,
                2, 1, 64, 256, 8192, 3e-3, 0.1, 2, 1, null, null, false);
    }

    private static Pretraining pretraining(PretrainOptions options) {
        return new Pretraining(options, STAGES, new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void pretrainingWritesALlamaFolderThatLoadsAndGenerates() throws IOException {
        Path out = pretraining(options("a", 1)).run();
        for (String file : Pretraining.MODEL_FILES) {
            assertThat(out.resolve(file)).isRegularFile();
        }
        Map<String, Object> summary = Pretraining.readJson(out.resolve(Pretraining.SUMMARY_FILE));
        assertThat(((Number) summary.get("tokens")).longValue()).isGreaterThanOrEqualTo(8_000);
        assertThat((List<?>) summary.get("stages")).hasSize(2);
        try (LanguageModel model = LanguageModel.load(out)) {
            assertThat(model.config().tieWordEmbeddings()).isTrue();
            assertThat(model.contextLength()).isEqualTo(256);
            assertThat(model.config().vocabSize()).isEqualTo(model.tokenizer().vocabSize()).isEqualTo(8192);
            assertThat(model.eosTokenIds()).containsExactly(2);
            assertThat(model.bosToken()).contains("<s>");
            Generation generation = model.generate(List.of(GenerationRequest.greedy(
                    ReferenceTokenizer.encodeWithBos(model.tokenizer(), "Here are some documents."), 4))).get(0);
            assertThat(generation.tokens()).isNotEmpty();
        }
        assertThat(Files.readString(folder.resolve("a-work/pretrain.log"))).contains("stage-2-long done");
    }

    @Test
    void aRunStoppedMidStageResumesToTheSameWeightsAsAnUninterruptedOne() throws IOException {
        Path uninterrupted = pretraining(options("a", 1)).run();

        PretrainOptions options = options("b", 1);
        AtomicInteger polls = new AtomicInteger();
        Path firstStageDone = folder.resolve("b-work/stage-1-short/stage.json");
        // Stop before the fourth step of stage 2 (after its checkpoint at step 2 and one more step).
        Pretraining stopped = new Pretraining(options, STAGES, new PrintStream(new ByteArrayOutputStream()),
                () -> Files.exists(firstStageDone) && polls.incrementAndGet() > 3);
        assertThatThrownBy(stopped::run).isInstanceOf(TrainingCancelledException.class);
        assertThat(folder.resolve("b-work/stage-1-short/stage.json")).isRegularFile();
        assertThat(folder.resolve("b-work/stage-2-long")).doesNotExist();
        assertThat(folder.resolve("b-work/stage-2-long.work")).isDirectory();

        Path resumed = pretraining(options).run();
        assertThat(Files.readAllBytes(resumed.resolve(LlamaCheckpoint.WEIGHTS_FILE)))
                .isEqualTo(Files.readAllBytes(uninterrupted.resolve(LlamaCheckpoint.WEIGHTS_FILE)));
        assertThat(folder.resolve("b-work/stage-2-long.work")).doesNotExist();
    }

    @Test
    void aRunCutAtAStageBoundaryWithKeepLrReproducesThatStageAndAnotherRunContinuesFromIt() throws IOException {
        pretraining(options("a", 1)).run();
        PretrainOptions first = new PretrainOptions(folder.resolve("k-model"), folder.resolve("k-work"), 1, 8_000, 1, 32,
                2, 1, 64, 256, 8192, 3e-3, 0.1, 2, 1, null, null, true);
        Path cut = new Pretraining(first, List.of(STAGES.get(0)), new PrintStream(new ByteArrayOutputStream())).run();
        assertThat(Files.readAllBytes(cut.resolve(LlamaCheckpoint.WEIGHTS_FILE))).isEqualTo(
                Files.readAllBytes(folder.resolve("a-work/stage-1-short").resolve(LlamaCheckpoint.WEIGHTS_FILE)));

        PretrainOptions next = new PretrainOptions(folder.resolve("n-model"), folder.resolve("n-work"), 1, 8_000, 1, 32,
                2, 1, 64, 256, 8192, 3e-3, 0.1, 2, 1, null, cut, false);
        Path continued = new Pretraining(next, List.of(STAGES.get(1)), new PrintStream(new ByteArrayOutputStream())).run();
        assertThat(Files.readAllBytes(folder.resolve("n-work/base").resolve(LlamaCheckpoint.WEIGHTS_FILE)))
                .isEqualTo(Files.readAllBytes(cut.resolve(LlamaCheckpoint.WEIGHTS_FILE)));
        assertThat(Files.readAllBytes(continued.resolve(LlamaCheckpoint.WEIGHTS_FILE)))
                .isNotEqualTo(Files.readAllBytes(cut.resolve(LlamaCheckpoint.WEIGHTS_FILE)));
        assertThat(next.describeRun()).contains("init=" + ModelFolder.fingerprint(cut));
        assertThat(Files.readString(folder.resolve("n-work/pretrain.log"))).contains("started from");

        PretrainOptions wider = new PretrainOptions(folder.resolve("w-model"), folder.resolve("w-work"), 1, 8_000, 1,
                64, 2, 1, 64, 256, 8192, 3e-3, 0.1, 2, 1, null, cut, false);
        assertThatThrownBy(() -> new Pretraining(wider, List.of(STAGES.get(1)),
                new PrintStream(new ByteArrayOutputStream())).run())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a model of shape");
    }

    @Test
    void aWorkFolderOfAnotherRunIsRefused() throws IOException {
        Files.createDirectories(folder.resolve("a-work"));
        Files.writeString(folder.resolve("a-work").resolve(Pretraining.RUN_FILE), options("a", 1).describeRun());
        PretrainOptions other = new PretrainOptions(folder.resolve("c-model"), folder.resolve("a-work"), 2, 8_000, 1,
                32, 2, 1, 64, 256, 8192, 3e-3, 0.1, 2, 1, null, null, false);
        assertThatThrownBy(() -> pretraining(other).run()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds another run");
    }
}
