package dev.aft.augment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.lm.checkpoint.FloatTensor;
import dev.aft.lm.checkpoint.LlamaCheckpoint;
import dev.aft.lm.checkpoint.LlamaConfig;
import dev.aft.lm.checkpoint.LlamaWeightNames;
import dev.aft.lm.tokenizer.TokenizerFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A tiny randomly initialized Llama folder for the real model-service ({@code LlamaConfig.of(32, 64, 2, 4, 4,
 * vocab, context, true)}, weights normal, norms 1, as {@code LlamaModel.randomlyInitialized} makes them) and a
 * word-level tokenizer. Written straight to safetensors, so the test JVM never loads PyTorch. Standard deviation
 * 0.5 rather than 0.02: with 0.02 the next-token distribution is nearly uniform whatever the prompt, so one seed
 * gives every prompt the same text; at 0.5 the text depends on the prompt (still random: most of it is dropped).
 */
final class TinyModel {

    static final String ID = "tiny";
    static final int CONTEXT = 1024;

    private TinyModel() {
    }

    static Path write(Path folder, List<String> words, long seed) {
        try {
            Files.createDirectories(folder);
            Path tokenizer = TokenizerFiles.writeUnigram(folder, words);
            int vocabulary = new ObjectMapper().readTree(tokenizer.toFile()).path("model").path("vocab").size();
            LlamaConfig config = LlamaConfig.of(32, 64, 2, 4, 4, vocabulary, CONTEXT, true);
            Random random = new Random(seed);
            Map<String, FloatTensor> tensors = new LinkedHashMap<>();
            LlamaWeightNames.expectedShapes(config).forEach((name, shape) -> {
                float[] values = new float[Math.toIntExact(FloatTensor.elementCount(shape))];
                for (int i = 0; i < values.length; i++) {
                    values[i] = shape.length == 1 ? 1f : (float) (random.nextGaussian() * 0.5);
                }
                tensors.put(name, new FloatTensor(shape, values));
            });
            new LlamaCheckpoint(config, tensors).write(folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
