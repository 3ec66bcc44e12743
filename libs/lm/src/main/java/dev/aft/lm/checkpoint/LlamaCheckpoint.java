package dev.aft.lm.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Llama checkpoint folder in the Hugging Face layout: {@code config.json} and a single
 * {@code model.safetensors}, every tensor checked against the config.
 *
 * @param config the model shape
 * @param tensors every tensor of {@link LlamaWeightNames#expectedShapes}, in that order
 */
public record LlamaCheckpoint(LlamaConfig config, Map<String, FloatTensor> tensors) {

    public static final String WEIGHTS_FILE = "model.safetensors";

    public LlamaCheckpoint {
        tensors = checked(config, tensors, "checkpoint");
    }

    public static LlamaCheckpoint read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new CheckpointException("Missing checkpoint folder " + folder);
        }
        Path configFile = folder.resolve(LlamaConfig.FILE_NAME);
        if (!Files.isRegularFile(configFile)) {
            throw new CheckpointException("Missing model config " + configFile);
        }
        Path weightsFile = folder.resolve(WEIGHTS_FILE);
        if (!Files.isRegularFile(weightsFile)) {
            throw new CheckpointException("Missing weights file " + weightsFile);
        }
        LlamaConfig config = LlamaConfig.read(configFile);
        Map<String, FloatTensor> tensors = Safetensors.read(weightsFile).tensors();
        return new LlamaCheckpoint(config, checked(config, tensors, weightsFile.toString()));
    }

    /** Writes {@code config.json} and {@code model.safetensors}, creating the folder if needed. */
    public void write(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new CheckpointException("Cannot create checkpoint folder " + folder + ": " + e.getMessage(), e);
        }
        config.write(folder.resolve(LlamaConfig.FILE_NAME));
        Safetensors.write(folder.resolve(WEIGHTS_FILE), tensors, Map.of("format", "pt"));
    }

    /**
     * Keeps exactly the expected tensors. A stored {@code lm_head.weight} is ignored when embeddings are
     * tied (the head is the embedding matrix) and so are rotary frequency buffers some exporters add.
     */
    private static Map<String, FloatTensor> checked(LlamaConfig config, Map<String, FloatTensor> tensors,
            String source) {
        Map<String, long[]> expected = LlamaWeightNames.expectedShapes(config);
        Map<String, FloatTensor> kept = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> entry : expected.entrySet()) {
            FloatTensor tensor = tensors.get(entry.getKey());
            if (tensor == null) {
                throw new CheckpointException(source + ": missing tensor " + entry.getKey());
            }
            if (!Arrays.equals(tensor.shape(), entry.getValue())) {
                throw new CheckpointException(source + ": tensor " + entry.getKey() + " has shape "
                        + Arrays.toString(tensor.shape()) + ", config.json implies "
                        + Arrays.toString(entry.getValue()));
            }
            kept.put(entry.getKey(), tensor);
        }
        for (String name : tensors.keySet()) {
            boolean ignorable = name.endsWith(".rotary_emb.inv_freq")
                    || (config.tieWordEmbeddings() && name.equals(LlamaWeightNames.LM_HEAD));
            if (!expected.containsKey(name) && !ignorable) {
                throw new CheckpointException(source + ": unexpected tensor " + name
                        + " (biases and other extra parameters are not supported)");
            }
        }
        return java.util.Collections.unmodifiableMap(kept);
    }
}
