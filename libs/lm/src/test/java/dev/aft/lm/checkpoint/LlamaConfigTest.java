package dev.aft.lm.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlamaConfigTest {

    private static final String HF_CONFIG = """
            {
              "architectures": ["LlamaForCausalLM"],
              "model_type": "llama",
              "hidden_act": "silu",
              "hidden_size": 64,
              "intermediate_size": 172,
              "num_hidden_layers": 3,
              "num_attention_heads": 8,
              "num_key_value_heads": 2,
              "rms_norm_eps": 1e-6,
              "rope_theta": 500000.0,
              "max_position_embeddings": 256,
              "vocab_size": 1000,
              "tie_word_embeddings": true,
              "bos_token_id": 1,
              "eos_token_id": [2, 7],
              "rope_scaling": null,
              "torch_dtype": "bfloat16"
            }
            """;

    @TempDir
    Path folder;

    @Test
    void readsEveryFieldOfAHuggingFaceConfig() throws IOException {
        LlamaConfig config = LlamaConfig.read(write(HF_CONFIG));

        assertThat(config).isEqualTo(new LlamaConfig(64, 172, 3, 8, 2, 8, 1e-6, 500000.0, 256, 1000, true, 1,
                List.of(2, 7)));
        assertThat(config.queriesPerKeyValueHead()).isEqualTo(4);
    }

    @Test
    void writtenConfigReadsBackEqual() {
        LlamaConfig config = new LlamaConfig(32, 64, 2, 4, 2, 8, 1e-5, 10000.0, 128, 50, false, 0, List.of(1));
        Path file = folder.resolve("config.json");

        config.write(file);

        assertThat(LlamaConfig.read(file)).isEqualTo(config);
    }

    @Test
    void keyValueHeadsDefaultToAttentionHeadsAndHeadDimToHiddenOverHeads() throws IOException {
        String withoutOptionalKeys = HF_CONFIG.replace("\"num_key_value_heads\": 2,", "")
                .replace("\"eos_token_id\": [2, 7],", "\"eos_token_id\": 2,");

        LlamaConfig config = LlamaConfig.read(write(withoutOptionalKeys));

        assertThat(config.numKeyValueHeads()).isEqualTo(8);
        assertThat(config.headDim()).isEqualTo(8);
        assertThat(config.eosTokenIds()).containsExactly(2);
    }

    @Test
    void missingRequiredKeyIsNamedWithTheFile() throws IOException {
        Path file = write(HF_CONFIG.replace("\"intermediate_size\": 172,", ""));

        assertThatThrownBy(() -> LlamaConfig.read(file))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("\"intermediate_size\" is missing");
    }

    @Test
    void unsupportedArchitectureIsRejectedByName() throws IOException {
        Path file = write(HF_CONFIG.replace("LlamaForCausalLM", "GPT2LMHeadModel"));

        assertThatThrownBy(() -> LlamaConfig.read(file))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("unsupported architecture GPT2LMHeadModel");
    }

    @Test
    void unsupportedVariantsAreRejectedByKey() throws IOException {
        Path scaled = write(HF_CONFIG.replace("\"rope_scaling\": null", "\"rope_scaling\": {\"factor\": 8.0}"));
        assertThatThrownBy(() -> LlamaConfig.read(scaled)).hasMessageContaining("\"rope_scaling\"");

        Path biased = write(HF_CONFIG.replace("\"hidden_act\": \"silu\",", "\"attention_bias\": true,"));
        assertThatThrownBy(() -> LlamaConfig.read(biased)).hasMessageContaining("\"attention_bias\"");

        Path gelu = write(HF_CONFIG.replace("\"silu\"", "\"gelu\""));
        assertThatThrownBy(() -> LlamaConfig.read(gelu)).hasMessageContaining("\"hidden_act\"");
    }

    @Test
    void headsThatDoNotShareKeyValueHeadsEvenlyAreRejected() throws IOException {
        Path file = write(HF_CONFIG.replace("\"num_key_value_heads\": 2", "\"num_key_value_heads\": 3"));

        assertThatThrownBy(() -> LlamaConfig.read(file))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("multiple of num_key_value_heads");
    }

    @Test
    void missingFileIsNamed() {
        Path file = folder.resolve("absent/config.json");

        assertThatThrownBy(() -> LlamaConfig.read(file))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("Missing model config " + file);
    }

    private Path write(String json) throws IOException {
        Path file = Files.createTempFile(folder, "config", ".json");
        Files.writeString(file, json);
        return file;
    }
}
