package dev.aft.lm.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.lm.checkpoint.FloatTensor;
import dev.aft.lm.checkpoint.Safetensors;
import dev.aft.lm.model.LlamaModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoraFineTuningTest {

    private static final List<TrainingExample> SEQUENCES = List.of(
            new TrainingExample(new int[] {3, 4}, new int[] {5, 17, 42, 8, 33}),
            new TrainingExample(new int[] {3, 6}, new int[] {9, 50, 11, 3, 27}),
            new TrainingExample(new int[] {3, 7}, new int[] {13, 1, 38, 55, 7}));

    @TempDir
    static Path folder;

    private static Path base;
    private static Path adapter;
    private static final List<Double> losses = new ArrayList<>();

    @BeforeAll
    static void train() throws IOException {
        base = TinyModels.write(folder.resolve("base"), 3, 0.3);
        adapter = folder.resolve("adapter");
        TrainingOptions options = TrainingOptions.defaults().withLora(4, 8, List.of("q_proj", "v_proj", "down_proj"))
                .withSteps(60).withBatchSize(3).withLearningRate(2e-2).withCheckpointEvery(0);
        FineTuner.train(base, SEQUENCES, options, folder.resolve("work"), adapter, p -> losses.add(p.loss()),
                () -> false);
    }

    @Test
    void lossFalls() {
        assertThat(losses).hasSize(60);
        assertThat(losses.get(59)).isLessThan(losses.get(0) * 0.5);
    }

    @Test
    void adapterFolderHasPeftConfigAndTensorNamesAndShapes() throws IOException {
        assertThat(LoraAdapters.isAdapter(adapter)).isTrue();
        assertThat(LoraAdapters.isAdapter(base)).isFalse();
        assertThat(adapter.resolve("tokenizer.json")).exists();
        JsonNode config = new ObjectMapper().readTree(adapter.resolve("adapter_config.json").toFile());
        assertThat(config.get("peft_type").asText()).isEqualTo("LORA");
        assertThat(config.get("base_model_name_or_path").asText()).isEqualTo("base");
        assertThat(config.get("r").asInt()).isEqualTo(4);
        assertThat(config.get("lora_alpha").asDouble()).isEqualTo(8.0);
        assertThat(config.get("target_modules")).extracting(JsonNode::asText)
                .containsExactly("q_proj", "v_proj", "down_proj");
        assertThat(config.get("lora_dropout").asDouble()).isZero();
        assertThat(config.get("bias").asText()).isEqualTo("none");
        assertThat(config.get("task_type").asText()).isEqualTo("CAUSAL_LM");

        Map<String, FloatTensor> tensors = Safetensors.read(adapter.resolve("adapter_model.safetensors")).tensors();
        assertThat(tensors).hasSize(2 * 3 * 2);
        String q = "base_model.model.model.layers.1.self_attn.q_proj";
        assertThat(tensors.get(q + ".lora_A.weight").shape()).containsExactly(4, 32);
        assertThat(tensors.get(q + ".lora_B.weight").shape()).containsExactly(32, 4);
        String v = "base_model.model.model.layers.0.self_attn.v_proj";
        assertThat(tensors.get(v + ".lora_B.weight").shape()).containsExactly(16, 4);
        String down = "base_model.model.model.layers.0.mlp.down_proj";
        assertThat(tensors.get(down + ".lora_A.weight").shape()).containsExactly(4, 64);
        assertThat(tensors.get(down + ".lora_B.weight").shape()).containsExactly(32, 4);
        assertThat(tensors.get(down + ".lora_B.weight").values()).as("B moved away from its zero init")
                .matches(values -> maxAbs(values) > 1e-3);
    }

    @Test
    void mergedModelGivesTheLogitsOfTheBaseWithUnmergedAdapters() {
        int[] tokens = {3, 4, 5, 17, 42, 8, 33, 60, 12};
        LoraAdapters adapters = LoraAdapters.read(adapter);
        assertThat(adapters.baseModel()).isEqualTo("base");
        try (LlamaModel merged = LoraAdapters.loadMerged(base, adapter); LlamaModel plain = LlamaModel.load(base)) {
            float[][] mergedLogits = TinyModels.logits(merged, tokens);
            float[][] baseLogits = TinyModels.logits(plain, tokens);
            try (LoraAdapters.Applied applied = adapters.applyTo(plain)) {
                float[][] unmerged = TinyModels.logits(plain, tokens);
                for (int t = 0; t < tokens.length; t++) {
                    assertThat(TinyModels.maxAbsDifference(mergedLogits[t], unmerged[t])).isLessThan(1e-4);
                }
            }
            assertThat(plain.adapters()).isEmpty();
            assertThat(TinyModels.maxAbsDifference(TinyModels.logits(plain, tokens)[8], baseLogits[8])).isZero();
            assertThat(TinyModels.maxAbsDifference(mergedLogits[4], baseLogits[4])).as("the adapters matter")
                    .isGreaterThan(0.1);
        }
    }

    @Test
    void trainedAdaptersPredictTheCompletions() {
        try (LlamaModel merged = LoraAdapters.loadMerged(base, adapter)) {
            for (TrainingExample example : SEQUENCES) {
                int[] tokens = example.tokens();
                float[][] logits = TinyModels.logits(merged, tokens);
                for (int t = 2; t + 1 < tokens.length; t++) {
                    assertThat(TinyModels.argmax(logits[t])).isEqualTo(tokens[t + 1]);
                }
            }
        }
    }

    private static double maxAbs(float[] values) {
        double max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
