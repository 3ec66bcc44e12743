package dev.aft.lm.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.aft.lm.checkpoint.LlamaConfig;
import dev.aft.lm.checkpoint.Safetensors;
import dev.aft.lm.model.LlamaModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Tiny random Llama checkpoints for training tests, and ways to look at what training wrote. */
final class TinyModels {

    static final int VOCAB = 64;
    static final int CONTEXT = 24;

    private TinyModels() {
    }

    /** Hidden 32, 2 layers, 4 query / 2 key-value heads, vocabulary 64, context 24, tied embeddings. */
    static LlamaConfig config() {
        return LlamaConfig.of(32, 64, 2, 4, 2, VOCAB, CONTEXT, true);
    }

    /** Writes a random model (and a stand-in tokenizer.json) into {@code folder}. */
    static Path write(Path folder, long seed) throws IOException {
        return write(folder, seed, 0.02);
    }

    /**
     * As {@link #write(Path, long)} with weights of standard deviation {@code range}. With tied embeddings of
     * 0.02 the logits cannot leave a narrow band unless the embeddings themselves train, which LoRA on the
     * projections does not do; LoRA tests use larger weights.
     */
    static Path write(Path folder, long seed, double range) throws IOException {
        try (LlamaModel model = LlamaModel.randomlyInitialized(config(), seed, range)) {
            model.save(folder);
        }
        Files.writeString(folder.resolve("tokenizer.json"), "{\"stand-in\": true}");
        return folder;
    }

    /** Every weight of a Hugging Face folder or a safetensors file, flattened, by name. */
    static Map<String, float[]> weights(Path folderOrFile) {
        Path file = Files.isDirectory(folderOrFile) ? folderOrFile.resolve("model.safetensors") : folderOrFile;
        Map<String, float[]> weights = new LinkedHashMap<>();
        Safetensors.read(file).tensors().forEach((name, tensor) -> weights.put(name, tensor.values()));
        return weights;
    }

    /** Logits {@code [length][vocab]} of one sequence. */
    static float[][] logits(LlamaModel model, int[] tokens) {
        try (NDManager scope = NDManager.newBaseManager()) {
            NDArray ids = scope.create(tokens, new Shape(1, tokens.length));
            float[] flat = model.logits(ids).toFloatArray();
            int vocab = model.config().vocabSize();
            float[][] logits = new float[tokens.length][vocab];
            for (int t = 0; t < tokens.length; t++) {
                System.arraycopy(flat, t * vocab, logits[t], 0, vocab);
            }
            return logits;
        }
    }

    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** log softmax(row)[index], in double precision. */
    static double logProbability(float[] row, int index) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : row) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : row) {
            sum += Math.exp(v - max);
        }
        return row[index] - max - Math.log(sum);
    }

    static double maxAbsDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
