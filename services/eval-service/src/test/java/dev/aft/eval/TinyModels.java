package dev.aft.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.lm.checkpoint.FloatTensor;
import dev.aft.lm.checkpoint.LlamaCheckpoint;
import dev.aft.lm.checkpoint.LlamaConfig;
import dev.aft.lm.checkpoint.LlamaWeightNames;
import dev.aft.lm.tokenizer.TokenizerFiles;
import dev.aft.knowledge.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Tiny randomly initialized Llama folders for the real model-service: a word-level tokenizer over the test
 * datasets' words, and weights initialized as {@code LlamaModel.randomlyInitialized} does (every matrix normal
 * with the given standard deviation, norms 1), written straight to safetensors so that the test JVM need not
 * load PyTorch.
 */
final class TinyModels {

    private TinyModels() {
    }

    static void write(Path folder, List<String> words, int contextLength, long seed) {
        write(folder, words, 32, 64, 2, contextLength, seed);
    }

    /** A model of {@code hidden} width, {@code layers} layers and 4 attention heads. */
    static void write(Path folder, List<String> words, int hidden, int intermediate, int layers, int contextLength,
            long seed) {
        try {
            Files.createDirectories(folder);
            Path tokenizer = TokenizerFiles.writeUnigram(folder, words);
            int vocabulary = new ObjectMapper().readTree(tokenizer.toFile()).path("model").path("vocab").size();
            LlamaConfig config = LlamaConfig.of(hidden, intermediate, layers, 4, 4, vocabulary, contextLength, true);
            Random random = new Random(seed);
            Map<String, FloatTensor> tensors = new LinkedHashMap<>();
            LlamaWeightNames.expectedShapes(config).forEach((name, shape) -> {
                float[] values = new float[Math.toIntExact(FloatTensor.elementCount(shape))];
                for (int i = 0; i < values.length; i++) {
                    values[i] = shape.length == 1 ? 1f : (float) (random.nextGaussian() * 0.02);
                }
                tensors.put(name, new FloatTensor(shape, values));
            });
            new LlamaCheckpoint(config, tensors).write(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every word of the datasets' documents and tests, without surrounding punctuation. */
    static List<String> words(List<Dataset> datasets, String... more) {
        Set<String> words = new LinkedHashSet<>();
        StringBuilder text = new StringBuilder(String.join(" ", more));
        for (Dataset dataset : datasets) {
            dataset.documents().forEach(d -> text.append(' ').append(d.text()));
            dataset.tests().forEach(t -> text.append(' ').append(t.prefix()).append(' ').append(String.join(" ", t.options())));
        }
        for (String word : text.toString().split("\\s+")) {
            String bare = word.replaceAll("^\\p{Punct}+|\\p{Punct}+$", "");
            if (!bare.isEmpty()) {
                words.add(bare);
            }
        }
        return List.copyOf(words);
    }
}
