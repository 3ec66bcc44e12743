package dev.aft.lm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.aft.lm.checkpoint.CheckpointException;
import dev.aft.lm.checkpoint.FloatTensor;
import dev.aft.lm.checkpoint.LlamaCheckpoint;
import dev.aft.lm.checkpoint.Safetensors;
import dev.aft.lm.reference.TinyLlama;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlamaCheckpointLoadingTest {

    @TempDir
    Path folder;

    @Test
    void missingWeightsFileIsNamed() throws IOException {
        Path checkpoint = TinyLlama.random(16, 32, 1, 2, 1, 8, 20, true, 1).writeTo(folder);
        Files.delete(checkpoint.resolve("model.safetensors"));

        assertThatThrownBy(() -> LlamaModel.load(checkpoint))
                .isInstanceOf(CheckpointException.class)
                .hasMessage("Missing weights file " + checkpoint.resolve("model.safetensors"));
    }

    @Test
    void missingConfigIsNamed() throws IOException {
        Path checkpoint = TinyLlama.random(16, 32, 1, 2, 1, 8, 20, true, 1).writeTo(folder);
        Files.delete(checkpoint.resolve("config.json"));

        assertThatThrownBy(() -> LlamaModel.load(checkpoint))
                .isInstanceOf(CheckpointException.class)
                .hasMessage("Missing model config " + checkpoint.resolve("config.json"));
    }

    @Test
    void missingFolderIsNamed() {
        Path absent = folder.resolve("nowhere");

        assertThatThrownBy(() -> LlamaModel.load(absent)).hasMessage("Missing checkpoint folder " + absent);
    }

    @Test
    void missingTensorIsNamed() throws IOException {
        TinyLlama tiny = TinyLlama.random(16, 32, 2, 2, 1, 8, 20, false, 1);
        Path checkpoint = tiny.writeTo(folder);
        Map<String, FloatTensor> weights = new LinkedHashMap<>(tiny.weights());
        weights.remove("model.layers.1.mlp.up_proj.weight");
        Safetensors.write(checkpoint.resolve("model.safetensors"), weights, Map.of());

        assertThatThrownBy(() -> LlamaModel.load(checkpoint))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("missing tensor model.layers.1.mlp.up_proj.weight");
    }

    @Test
    void untiedCheckpointWithoutOutputHeadIsRejected() throws IOException {
        TinyLlama tiny = TinyLlama.random(16, 32, 1, 2, 1, 8, 20, false, 1);
        Path checkpoint = tiny.writeTo(folder);
        Map<String, FloatTensor> weights = new LinkedHashMap<>(tiny.weights());
        weights.remove("lm_head.weight");
        Safetensors.write(checkpoint.resolve("model.safetensors"), weights, Map.of());

        assertThatThrownBy(() -> LlamaModel.load(checkpoint)).hasMessageContaining("missing tensor lm_head.weight");
    }

    @Test
    void tensorWhoseShapeDisagreesWithTheConfigIsNamed() throws IOException {
        TinyLlama tiny = TinyLlama.random(16, 32, 1, 2, 1, 8, 20, true, 1);
        Path checkpoint = tiny.writeTo(folder);
        Map<String, FloatTensor> weights = new LinkedHashMap<>(tiny.weights());
        weights.put("model.layers.0.self_attn.k_proj.weight", new FloatTensor(new long[] {16, 16}, new float[256]));
        Safetensors.write(checkpoint.resolve("model.safetensors"), weights, Map.of());

        assertThatThrownBy(() -> LlamaModel.load(checkpoint))
                .hasMessageContaining("tensor model.layers.0.self_attn.k_proj.weight has shape [16, 16]")
                .hasMessageContaining("config.json implies [8, 16]");
    }

    @Test
    void unknownTensorIsRejectedButRotaryBuffersAndATiedHeadAreIgnored() throws IOException {
        TinyLlama tiny = TinyLlama.random(16, 32, 1, 2, 1, 8, 20, true, 1);
        Path checkpoint = tiny.writeTo(folder);
        Map<String, FloatTensor> weights = new LinkedHashMap<>(tiny.weights());
        weights.put("lm_head.weight", tiny.weights().get("model.embed_tokens.weight"));
        weights.put("model.layers.0.self_attn.rotary_emb.inv_freq", new FloatTensor(new long[] {4}, new float[4]));
        Safetensors.write(checkpoint.resolve("model.safetensors"), weights, Map.of());

        assertThat(LlamaCheckpoint.read(checkpoint).tensors()).containsOnlyKeys(tiny.weights().keySet());

        weights.put("model.layers.0.self_attn.q_proj.bias", new FloatTensor(new long[] {16}, new float[16]));
        Safetensors.write(checkpoint.resolve("model.safetensors"), weights, Map.of());
        assertThatThrownBy(() -> LlamaModel.load(checkpoint))
                .hasMessageContaining("unexpected tensor model.layers.0.self_attn.q_proj.bias");
    }

    @Test
    void sequenceLongerThanTheContextIsRejectedWithTheLimit() throws IOException {
        Path checkpoint = TinyLlama.random(16, 32, 1, 2, 1, 8, 20, true, 1).writeTo(folder);
        try (LlamaModel model = LlamaModel.load(checkpoint);
                NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> model.logits(manager.zeros(new Shape(1, 65), DataType.INT64)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1..64 (max_position_embeddings)");
        }
    }
}
