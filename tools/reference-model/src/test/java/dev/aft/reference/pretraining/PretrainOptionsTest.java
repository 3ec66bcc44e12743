package dev.aft.reference.pretraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aft.lm.checkpoint.LlamaConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
    }

    @Test
    void unknownFlagsAndInconsistentShapesAreRefused() {
        assertThatThrownBy(() -> PretrainOptions.parse(new String[] {"--colour", "red"}))
                .hasMessageContaining("Unknown option");
        assertThatThrownBy(() -> PretrainOptions.parse(new String[] {"--hidden", "100", "--heads", "8"}))
                .hasMessageContaining("multiple");
    }
}
