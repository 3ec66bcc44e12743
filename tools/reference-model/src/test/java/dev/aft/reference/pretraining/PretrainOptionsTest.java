package dev.aft.reference.pretraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aft.lm.checkpoint.LlamaConfig;
import dev.aft.reference.curriculum.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainOptionsTest {

    @Test
    void defaultsDescribeAModelOfFourToFiveMillionParametersUnderTwentyMegabytes() {
        PretrainOptions options = PretrainOptions.parse(new String[0]);
        LlamaConfig config = ModelFolder.config(options, options.vocab());
        long parameters = ModelFolder.parameters(config);
        assertThat(parameters).isBetween(4_000_000L, 5_000_000L);
        assertThat(parameters * 4).isLessThan(20_000_000L);
        assertThat(config.maxPositionEmbeddings()).isEqualTo(1024);
        assertThat(config.tieWordEmbeddings()).isTrue();
        assertThat(options.out()).isEqualTo(Path.of("models/aft-reference"));
    }

    @Test
    void flagsOverrideDefaultsAndTokenCountsTakeSuffixes() {
        PretrainOptions options = PretrainOptions.parse(new String[] {"--tokens", "2.5M", "--layers", "6", "--heads",
                "4", "--out", "x", "--seed", "9"});
        assertThat(options.tokens()).isEqualTo(2_500_000);
        assertThat(options.layers()).isEqualTo(6);
        assertThat(options.heads()).isEqualTo(4);
        assertThat(options.kvHeads()).isEqualTo(2);
        assertThat(options.out()).isEqualTo(Path.of("x"));
        assertThat(options.seed()).isEqualTo(9);
        assertThat(PretrainOptions.parse(new String[] {"--tokens", "500k"}).tokens()).isEqualTo(500_000);
        assertThat(options.init()).isNull();
        assertThat(options.keepLearningRate()).isFalse();
        PretrainOptions continuing = PretrainOptions.parse(new String[] {"--keep-lr", "--init", "m", "--lr", "5e-4"});
        assertThat(continuing.init()).isEqualTo(Path.of("m"));
        assertThat(continuing.keepLearningRate()).isTrue();
        assertThat(continuing.learningRate()).isEqualTo(5e-4);
    }

    @Test
    void unknownFlagsAndInconsistentShapesAreRefused() {
        assertThatThrownBy(() -> PretrainOptions.parse(new String[] {"--colour", "red"}))
                .hasMessageContaining("Unknown option");
        assertThatThrownBy(() -> PretrainOptions.parse(new String[] {"--hidden", "100", "--heads", "8"}))
                .hasMessageContaining("multiple");
    }

    @Test
    void aStagesFileReplacesTheDefaultStagesAndChangesTheRunsDescription(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("stages.json");
        Files.writeString(file, """
                [{"name": "only", "tokenShare": 1.0, "sequenceTokens": 128, "batchSize": 8,
                  "mix": {"documents": 0.5, "inContext": 0, "recall": 0, "copy": 0.5, "local": 0, "global": 0},
                  "minDocuments": 1, "maxDocuments": 2, "contextFill": 0, "minProbes": 1, "maxProbes": 2,
                  "minPairs": 2, "maxPairs": 4}]
                """);
        PretrainOptions options = PretrainOptions.parse(new String[] {"--stages", file.toString()});
        assertThat(options.stageList()).singleElement().satisfies(stage -> {
            assertThat(stage.name()).isEqualTo("only");
            assertThat(stage.batchSize()).isEqualTo(8);
            assertThat(stage.mix().copy()).isEqualTo(0.5);
        });
        assertThat(options.describeRun()).isNotEqualTo(PretrainOptions.defaults().describeRun()).contains("stages=");
        assertThat(PretrainOptions.defaults().stageList()).isEqualTo(Stage.defaults());

        Files.writeString(file, Files.readString(file).replace("\"batchSize\"", "\"batchSise\""));
        assertThatThrownBy(() -> PretrainOptions.parse(new String[] {"--stages", file.toString()}).stageList())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize");
        Files.writeString(file, Files.readString(file).replace("\"batchSise\": 8", "\"batchSize\": 0"));
        assertThatThrownBy(() -> PretrainOptions.parse(new String[] {"--stages", file.toString()}).stageList())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Inconsistent stage only");
    }

    @Test
    void theLaterSharesMayBeLeftOutAndAStageWithoutThemKeepsItsFingerprint(@TempDir Path dir) throws IOException {
        Path without = dir.resolve("without.json");
        Path zero = dir.resolve("zero.json");
        Path with = dir.resolve("with.json");
        String stage = """
                [{"name": "only", "tokenShare": 1.0, "sequenceTokens": 128, "batchSize": 8,
                  "mix": {"documents": 0.5, "inContext": 0, "recall": 0, "copy": 0.5, "local": 0, "global": 0%s},
                  "minDocuments": 1, "maxDocuments": 2, "contextFill": 0, "minProbes": 1, "maxProbes": 2,
                  "minPairs": 2, "maxPairs": 4}]
                """;
        Files.writeString(without, stage.formatted(""));
        Files.writeString(zero, stage.formatted(", \"recurring\": 0"));
        Files.writeString(with, stage.formatted(", \"localComparisons\": 0.1, \"recurring\": 0.25"));
        PretrainOptions a = PretrainOptions.parse(new String[] {"--stages", without.toString()});
        PretrainOptions b = PretrainOptions.parse(new String[] {"--stages", zero.toString()});
        PretrainOptions c = PretrainOptions.parse(new String[] {"--stages", with.toString()});
        assertThat(a.stageList().get(0).mix().recurring()).isZero();
        assertThat(c.stageList().get(0).mix().recurring()).isEqualTo(0.25);
        assertThat(c.stageList().get(0).mix().localComparisons()).isEqualTo(0.1);
        // The fingerprint is of the stages as written: a recurring share of 0 is not written, so it changes nothing.
        assertThat(Stages.describe(b.stageList())).isEqualTo(Stages.describe(a.stageList()));
        assertThat(Stages.describe(c.stageList())).isNotEqualTo(Stages.describe(a.stageList()));

        Files.writeString(with, stage.formatted(", \"recuring\": 0.25"));
        assertThatThrownBy(() -> PretrainOptions.parse(new String[] {"--stages", with.toString()}).stageList())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown mix share 'recuring'");
        Files.writeString(with, stage.formatted("").replace("\"global\": 0", "\"recurring\": 0.5"));
        assertThatThrownBy(() -> PretrainOptions.parse(new String[] {"--stages", with.toString()}).stageList())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share for 'global'");
    }
}
