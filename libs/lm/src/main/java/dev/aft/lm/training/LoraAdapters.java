package dev.aft.lm.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aft.lm.checkpoint.CheckpointException;
import dev.aft.lm.checkpoint.FloatTensor;
import dev.aft.lm.checkpoint.LlamaConfig;
import dev.aft.lm.checkpoint.Safetensors;
import dev.aft.lm.model.LlamaModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LoRA adapters in the PEFT folder layout: {@code adapter_config.json} and {@code adapter_model.safetensors}
 * holding {@code base_model.model.<projection>.lora_A.weight [r, in]} and {@code ...lora_B.weight [out, r]}
 * for every adapted projection. The adapted model computes {@code W x + (alpha / r) B A x}.
 *
 * @param baseModel     the base model's name or path, as PEFT's {@code base_model_name_or_path}
 * @param rank          r
 * @param alpha         lora_alpha
 * @param targetModules PEFT short module names (q_proj, v_proj, ...)
 * @param projections   A and B by the adapted weight's Hugging Face name, e.g.
 *                      {@code model.layers.0.self_attn.q_proj.weight}
 */
public record LoraAdapters(String baseModel, int rank, double alpha, List<String> targetModules,
        Map<String, Pair> projections) {

    public static final String CONFIG_FILE = "adapter_config.json";
    public static final String WEIGHTS_FILE = "adapter_model.safetensors";
    private static final String PEFT_PREFIX = "base_model.model.";
    private static final List<String> ATTENTION_MODULES = List.of("q_proj", "k_proj", "v_proj", "o_proj");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The two low-rank factors of one projection. */
    public record Pair(FloatTensor a, FloatTensor b) {
    }

    public LoraAdapters {
        targetModules = List.copyOf(targetModules);
        projections = Collections.unmodifiableMap(new LinkedHashMap<>(projections));
        if (rank < 1 || !(alpha > 0)) {
            throw new IllegalArgumentException("LoRA rank must be >= 1 and alpha > 0, got r " + rank + ", alpha "
                    + alpha);
        }
    }

    /** Whether {@code folder} is a PEFT adapter folder (it holds {@code adapter_config.json}). */
    public static boolean isAdapter(Path folder) {
        return Files.isRegularFile(folder.resolve(CONFIG_FILE));
    }

    /** The scale of the adapters' contribution, {@code alpha / r}. */
    public double scale() {
        return alpha / rank;
    }

    /** The PEFT tensor name of factor {@code factor} ("A" or "B") of the weight {@code weightName}. */
    public static String peftName(String weightName, String factor) {
        return PEFT_PREFIX + weightName.substring(0, weightName.length() - ".weight".length()) + ".lora_" + factor
                + ".weight";
    }

    /** The Hugging Face weight names a target module adapts in a model of {@code layers} layers. */
    static List<String> weightNames(List<String> targetModules, int layers) {
        List<String> names = new ArrayList<>();
        for (int layer = 0; layer < layers; layer++) {
            for (String module : TrainingOptions.LORA_MODULES) {
                if (targetModules.contains(module)) {
                    String block = ATTENTION_MODULES.contains(module) ? "self_attn" : "mlp";
                    names.add("model.layers." + layer + "." + block + "." + module + ".weight");
                }
            }
        }
        return names;
    }

    /** Reads an adapter folder written by PEFT or by {@link FineTuner}. */
    public static LoraAdapters read(Path folder) {
        Path configFile = folder.resolve(CONFIG_FILE);
        JsonNode config;
        try {
            config = JSON.readTree(configFile.toFile());
        } catch (IOException e) {
            throw new CheckpointException("Cannot read adapter config " + configFile + ": " + e.getMessage(), e);
        }
        if (config == null || !config.isObject()) {
            throw new CheckpointException("Adapter config " + configFile + " is not a JSON object");
        }
        String type = config.path("peft_type").asText("");
        if (!type.equals("LORA")) {
            throw new CheckpointException("Adapter config " + configFile + ": peft_type is '" + type
                    + "'; only LORA is supported");
        }
        for (String unsupported : List.of("use_dora", "fan_in_fan_out", "use_rslora")) {
            if (config.path(unsupported).asBoolean(false)) {
                throw new CheckpointException("Adapter config " + configFile + ": " + unsupported
                        + " is not supported");
            }
        }
        for (String pattern : List.of("rank_pattern", "alpha_pattern")) {
            if (config.path(pattern).size() > 0) {
                throw new CheckpointException("Adapter config " + configFile + ": " + pattern
                        + " (per-module ranks) is not supported");
            }
        }
        if (!config.path("r").canConvertToInt() || !config.path("lora_alpha").isNumber()) {
            throw new CheckpointException("Adapter config " + configFile + " needs numeric r and lora_alpha");
        }
        List<String> modules = new ArrayList<>();
        JsonNode targets = config.path("target_modules");
        if (targets.isTextual()) {
            modules.add(targets.asText());
        } else {
            targets.forEach(node -> modules.add(node.asText()));
        }
        Map<String, FloatTensor> tensors = Safetensors.read(folder.resolve(WEIGHTS_FILE)).tensors();
        Map<String, Pair> projections = new LinkedHashMap<>();
        for (String name : tensors.keySet()) {
            boolean a = name.endsWith(".lora_A.weight");
            if (!name.startsWith(PEFT_PREFIX) || !(a || name.endsWith(".lora_B.weight"))) {
                throw new CheckpointException(folder.resolve(WEIGHTS_FILE) + ": unexpected tensor " + name
                        + " (expected base_model.model.<projection>.lora_A/lora_B.weight)");
            }
            String weight = name.substring(PEFT_PREFIX.length(), name.length() - ".lora_A.weight".length())
                    + ".weight";
            FloatTensor partner = tensors.get(peftName(weight, a ? "B" : "A"));
            if (partner == null) {
                throw new CheckpointException(folder.resolve(WEIGHTS_FILE) + ": " + name + " has no "
                        + (a ? "lora_B" : "lora_A") + " partner");
            }
            if (a) {
                projections.put(weight, new Pair(tensors.get(name), partner));
            }
        }
        if (projections.isEmpty()) {
            throw new CheckpointException(folder.resolve(WEIGHTS_FILE) + " holds no LoRA tensors");
        }
        return new LoraAdapters(config.path("base_model_name_or_path").asText(""), config.path("r").intValue(),
                config.path("lora_alpha").doubleValue(), modules, projections);
    }

    /** Writes {@code adapter_config.json} and {@code adapter_model.safetensors}, creating the folder. */
    public void write(Path folder) {
        try {
            Files.createDirectories(folder);
            ObjectNode config = JSON.createObjectNode();
            config.put("peft_type", "LORA");
            config.put("base_model_name_or_path", baseModel);
            config.put("r", rank);
            config.put("lora_alpha", alpha);
            targetModules.forEach(config.putArray("target_modules")::add);
            config.put("lora_dropout", 0.0);
            config.put("bias", "none");
            config.put("task_type", "CAUSAL_LM");
            config.put("fan_in_fan_out", false);
            config.put("inference_mode", true);
            JSON.writeValue(folder.resolve(CONFIG_FILE).toFile(), config);
        } catch (IOException e) {
            throw new CheckpointException("Cannot write adapter folder " + folder + ": " + e.getMessage(), e);
        }
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        projections.forEach((weight, pair) -> {
            tensors.put(peftName(weight, "A"), pair.a());
            tensors.put(peftName(weight, "B"), pair.b());
        });
        Safetensors.write(folder.resolve(WEIGHTS_FILE), tensors, Map.of("format", "pt"));
    }

    /** The base model of {@code baseFolder} with these adapters merged into its weights. */
    public LlamaModel loadMerged(Path baseFolder) {
        LlamaModel model = LlamaModel.load(baseFolder);
        try {
            mergeInto(model);
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Loads the base model and merges the adapters of {@code adapterFolder} into it: full inference speed. */
    public static LlamaModel loadMerged(Path baseFolder, Path adapterFolder) {
        return read(adapterFolder).loadMerged(baseFolder);
    }

    /** Adds {@code (alpha / r) B A} to every adapted weight of {@code model}, in place. */
    public void mergeInto(LlamaModel model) {
        checkFits(model.config(), model.parameters());
        float scale = (float) scale();
        for (Map.Entry<String, Pair> entry : projections.entrySet()) {
            NDArray weight = model.parameters().get(entry.getKey());
            try (NDManager scope = weight.getManager().newSubManager()) {
                NDArray a = create(scope, entry.getValue().a());
                NDArray b = create(scope, entry.getValue().b());
                weight.addi(b.matMul(a).muli(scale));
            }
        }
    }

    /**
     * Puts the adapters on {@code model} unmerged (base weights untouched, through
     * {@link LlamaModel#setAdapters}); closing the result removes them again and frees their arrays.
     */
    public Applied applyTo(LlamaModel model) {
        checkFits(model.config(), model.parameters());
        NDManager manager = NDManager.newBaseManager();
        Map<String, LoraProjection> adapters = new LinkedHashMap<>();
        projections.forEach((weight, pair) -> adapters.put(weight,
                new LoraProjection(create(manager, pair.a()), create(manager, pair.b()), (float) scale())));
        model.setAdapters(adapters);
        return new Applied(model, manager);
    }

    /** Adapters applied unmerged to a model; {@link #close()} takes them off. */
    public static final class Applied implements AutoCloseable {
        private final LlamaModel model;
        private final NDManager manager;

        private Applied(LlamaModel model, NDManager manager) {
            this.model = model;
            this.manager = manager;
        }

        @Override
        public void close() {
            model.setAdapters(Map.of());
            manager.close();
        }
    }

    private void checkFits(LlamaConfig config, Map<String, NDArray> weights) {
        for (Map.Entry<String, Pair> entry : projections.entrySet()) {
            NDArray weight = weights.get(entry.getKey());
            if (weight == null || weight.getShape().dimension() != 2) {
                throw new CheckpointException("LoRA adapter for " + entry.getKey()
                        + ", which is not a projection of this model (" + config.numHiddenLayers() + " layers)");
            }
            long out = weight.getShape().get(0);
            long in = weight.getShape().get(1);
            long[] a = entry.getValue().a().shape();
            long[] b = entry.getValue().b().shape();
            if (!Arrays.equals(a, new long[] {rank, in}) || !Arrays.equals(b, new long[] {out, rank})) {
                throw new CheckpointException("LoRA adapter for " + entry.getKey() + " has lora_A "
                        + Arrays.toString(a) + " and lora_B " + Arrays.toString(b) + "; rank " + rank
                        + " and the weight " + weight.getShape() + " need [" + rank + ", " + in + "] and ["
                        + out + ", " + rank + "]");
            }
        }
    }

    private static NDArray create(NDManager manager, FloatTensor tensor) {
        return manager.create(tensor.values(), new Shape(tensor.shape()));
    }
}
