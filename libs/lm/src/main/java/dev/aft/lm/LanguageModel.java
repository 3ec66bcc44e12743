package dev.aft.lm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.lm.checkpoint.CheckpointException;
import dev.aft.lm.checkpoint.LlamaConfig;
import dev.aft.lm.generation.Generation;
import dev.aft.lm.generation.GenerationRequest;
import dev.aft.lm.generation.Generator;
import dev.aft.lm.model.LlamaModel;
import dev.aft.lm.scoring.PromptScorer;
import dev.aft.lm.scoring.TokenScores;
import dev.aft.lm.tokenizer.Tokenizer;
import dev.aft.lm.training.LoraAdapters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A language model ready to serve: the weights, the tokenizer and the generation settings of a Hugging Face
 * model folder ({@code config.json}, {@code model.safetensors}, {@code tokenizer.json}, optional
 * {@code generation_config.json} and {@code tokenizer_config.json}), with prefix-cached scoring and
 * KV-cached batched generation.
 */
public final class LanguageModel implements AutoCloseable {

    public static final String GENERATION_CONFIG = "generation_config.json";
    public static final String TOKENIZER_CONFIG = "tokenizer_config.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Batch sizes and prefix-cache settings. */
    public record Options(int scoringBatchSize, int generationBatchSize, int minSharedPrefix, long prefixCacheBytes) {
        public static Options defaults() {
            return new Options(16, 16, 32, 512L << 20);
        }
    }

    private final Path folder;
    private final LlamaModel model;
    private final Tokenizer tokenizer;
    private final List<Integer> eosTokenIds;
    private final JsonNode tokenizerConfig;
    private final PromptScorer scorer;
    private final Generator generator;

    private LanguageModel(Path folder, LlamaModel model, Tokenizer tokenizer, List<Integer> eosTokenIds,
            JsonNode tokenizerConfig, Options options) {
        this.folder = folder;
        this.model = model;
        this.tokenizer = tokenizer;
        this.eosTokenIds = List.copyOf(eosTokenIds);
        this.tokenizerConfig = tokenizerConfig;
        this.scorer = new PromptScorer(model, options.scoringBatchSize(), options.minSharedPrefix(),
                options.prefixCacheBytes());
        this.generator = new Generator(model, tokenizer, eosTokenIds, options.generationBatchSize());
    }

    /** Loads a model folder with the default options. */
    public static LanguageModel load(Path folder) {
        return load(folder, Options.defaults());
    }

    public static LanguageModel load(Path folder, Options options) {
        return load(folder, options, model -> folder);
    }

    /**
     * Loads a model folder, or a LoRA adapter folder ({@code adapter_config.json}) over its base model, which
     * {@code baseModelLocator} finds from the adapter's {@code base_model_name_or_path}.
     */
    public static LanguageModel load(Path folder, Function<String, Path> baseModelLocator) {
        return load(folder, Options.defaults(), baseModelLocator);
    }

    public static LanguageModel load(Path folder, Options options, Function<String, Path> baseModelLocator) {
        if (!Files.isDirectory(folder)) {
            throw new CheckpointException("Missing model folder " + folder);
        }
        LlamaModel model = loadWeights(folder, baseModelLocator);
        try {
            Path tokenizerFolder = Files.isRegularFile(folder.resolve(Tokenizer.FILE_NAME)) ? folder
                    : weightsFolder(folder, baseModelLocator);
            Tokenizer tokenizer = Tokenizer.load(tokenizerFolder);
            if (tokenizer.vocabSize() > model.config().vocabSize()) {
                tokenizer.close();
                throw new CheckpointException("Tokenizer " + tokenizerFolder.resolve(Tokenizer.FILE_NAME) + " has "
                        + tokenizer.vocabSize() + " tokens but the model only " + model.config().vocabSize());
            }
            JsonNode tokenizerConfig = readOptional(tokenizerFolder.resolve(TOKENIZER_CONFIG));
            return new LanguageModel(folder, model, tokenizer, eosTokenIds(folder, model.config()), tokenizerConfig,
                    options);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * The weights of {@code folder}; for a LoRA adapter folder, its base model (found by
     * {@code baseModelLocator} from {@code base_model_name_or_path}) with the adapters merged in, so that the
     * fine-tuned model runs at the base model's speed.
     */
    private static LlamaModel loadWeights(Path folder, Function<String, Path> baseModelLocator) {
        return LoraAdapters.isAdapter(folder)
                ? LoraAdapters.read(folder).loadMerged(weightsFolder(folder, baseModelLocator))
                : LlamaModel.load(folder);
    }

    /** The folder holding the weights: the folder itself, or an adapter's base model. */
    private static Path weightsFolder(Path folder, Function<String, Path> baseModelLocator) {
        if (!LoraAdapters.isAdapter(folder)) {
            return folder;
        }
        String base = LoraAdapters.read(folder).baseModel();
        Path located = baseModelLocator.apply(base);
        if (located == null || !Files.isDirectory(located) || located.equals(folder)) {
            throw new CheckpointException("LoRA adapter " + folder + " names base model '" + base
                    + "', which cannot be found");
        }
        return located;
    }

    private static List<Integer> eosTokenIds(Path folder, LlamaConfig config) {
        JsonNode generation = readOptional(folder.resolve(GENERATION_CONFIG));
        JsonNode eos = generation == null ? null : generation.get("eos_token_id");
        if (eos == null || eos.isNull()) {
            return config.eosTokenIds();
        }
        List<Integer> ids = new ArrayList<>();
        if (eos.isArray()) {
            eos.forEach(id -> ids.add(id.asInt()));
        } else {
            ids.add(eos.asInt());
        }
        return ids;
    }

    private static JsonNode readOptional(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new CheckpointException("Cannot parse " + file + ": " + e.getMessage(), e);
        }
    }

    public Path folder() {
        return folder;
    }

    public LlamaModel model() {
        return model;
    }

    public LlamaConfig config() {
        return model.config();
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** The longest sequence (prompt plus generated tokens) the model reads. */
    public int contextLength() {
        return model.config().maxPositionEmbeddings();
    }

    public List<Integer> eosTokenIds() {
        return eosTokenIds;
    }

    /** The Jinja chat template of {@code tokenizer_config.json}, if the model has one. */
    public Optional<String> chatTemplate() {
        return tokenizerConfigString("chat_template");
    }

    public Optional<String> bosToken() {
        return tokenizerConfigString("bos_token");
    }

    public Optional<String> eosToken() {
        return tokenizerConfigString("eos_token");
    }

    private Optional<String> tokenizerConfigString(String field) {
        if (tokenizerConfig == null) {
            return Optional.empty();
        }
        JsonNode value = tokenizerConfig.get(field);
        if (value != null && value.isObject()) {
            value = value.get("content");
        }
        return value == null || !value.isTextual() ? Optional.empty() : Optional.of(value.asText());
    }

    /** Log-probabilities of every token of every sequence (prefix-cached); see {@link PromptScorer}. */
    public List<TokenScores> score(List<int[]> sequences, int topLogprobs) {
        return scorer.score(sequences, topLogprobs);
    }

    public PromptScorer.Statistics prefixCacheStatistics() {
        return scorer.statistics();
    }

    /** Batched, KV-cached generation; see {@link Generator}. */
    public synchronized List<Generation> generate(List<GenerationRequest> requests) {
        return generator.generate(requests);
    }

    @Override
    public void close() {
        scorer.close();
        tokenizer.close();
        model.close();
    }
}
