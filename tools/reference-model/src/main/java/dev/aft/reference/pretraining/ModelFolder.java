package dev.aft.reference.pretraining;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.lm.LanguageModel;
import dev.aft.lm.checkpoint.LlamaCheckpoint;
import dev.aft.lm.checkpoint.LlamaConfig;
import dev.aft.lm.model.LlamaModel;
import dev.aft.lm.tokenizer.TokenizerFiles;
import dev.aft.reference.tokenizer.ReferenceTokenizer;
import dev.aft.reference.tokenizer.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The randomly initialized model folder pretraining starts from, in Hugging Face layout: {@code config.json}
 * (LlamaForCausalLM, tied embeddings, BOS 1, EOS 2), {@code model.safetensors}, {@code tokenizer.json},
 * {@code tokenizer_config.json} and {@code generation_config.json}.
 */
public final class ModelFolder {

    /** Standard deviation of the initial weights (Hugging Face's {@code initializer_range}). */
    static final double INITIALIZER_RANGE = 0.02;

    private ModelFolder() {
    }

    /** The model shape the options ask for, with the vocabulary's exact size. */
    public static LlamaConfig config(PretrainOptions options, int vocabSize) {
        return new LlamaConfig(options.hidden(), options.intermediate(), options.layers(), options.heads(),
                options.kvHeads(), options.hidden() / options.heads(), 1e-5, 10_000.0, options.context(), vocabSize,
                true, TokenizerFiles.BOS_ID, List.of(TokenizerFiles.EOS_ID));
    }

    /** Writes the initial model folder; returns its config. */
    public static LlamaConfig initialize(Path folder, PretrainOptions options) {
        Vocabulary vocabulary = Vocabulary.build(options.vocab());
        try {
            Files.createDirectories(folder);
            int vocabSize = ReferenceTokenizer.write(folder, vocabulary, options.context());
            LlamaConfig config = config(options, vocabSize);
            try (LlamaModel model = LlamaModel.randomlyInitialized(config, options.seed(), INITIALIZER_RANGE)) {
                model.save(folder);
            }
            Map<String, Object> generation = new LinkedHashMap<>();
            generation.put("bos_token_id", TokenizerFiles.BOS_ID);
            generation.put("eos_token_id", TokenizerFiles.EOS_ID);
            Files.writeString(folder.resolve(LanguageModel.GENERATION_CONFIG),
                    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(generation));
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the initial model into " + folder, e);
        }
    }

    /**
     * Copies the model folder {@code init} (a finished run's output) into {@code folder} as a run's starting point;
     * returns its config.
     *
     * @throws IllegalArgumentException a file is missing, or the model's shape is not the one {@code options}
     *                                  describe
     */
    public static LlamaConfig copyInitial(Path init, Path folder, PretrainOptions options) {
        for (String file : Pretraining.MODEL_FILES) {
            if (!Files.isRegularFile(init.resolve(file))) {
                throw new IllegalArgumentException("--init " + init + " lacks " + file + "; give a finished run's --out");
            }
        }
        LlamaConfig config = LlamaConfig.read(init.resolve(LlamaConfig.FILE_NAME));
        LlamaConfig wanted = config(options, options.vocab());
        if (!config.equals(wanted)) {
            throw new IllegalArgumentException("--init " + init + " is a model of shape " + config
                    + ", but the options describe " + wanted + " (pass the same --layers, --hidden, --heads, --kv-heads,"
                    + " --intermediate, --context and --vocab)");
        }
        try {
            Files.createDirectories(folder);
            for (String file : Pretraining.MODEL_FILES) {
                Files.copy(init.resolve(file), folder.resolve(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + init + " into " + folder, e);
        }
        return config;
    }

    /** The first 12 hex digits of the SHA-256 of a model folder's weights: which model a run started from. */
    public static String fingerprint(Path folder) {
        try {
            return sha256(folder.resolve(LlamaCheckpoint.WEIGHTS_FILE)).substring(0, 12);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("--init " + folder + ": cannot read its weights (" + e.getCause().getMessage()
                    + ")", e);
        }
    }

    /** The SHA-256 of a file, in lower-case hex (read in chunks: weights files are tens of megabytes). */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parameters of a config: embeddings (tied), every layer's projections and norms, the final norm. */
    public static long parameters(LlamaConfig c) {
        long kv = (long) c.numKeyValueHeads() * c.headDim();
        long q = (long) c.numAttentionHeads() * c.headDim();
        long perLayer = c.hiddenSize() * q * 2 + c.hiddenSize() * kv * 2
                + 3L * c.hiddenSize() * c.intermediateSize() + 2L * c.hiddenSize();
        long head = c.tieWordEmbeddings() ? 0 : (long) c.vocabSize() * c.hiddenSize();
        return (long) c.vocabSize() * c.hiddenSize() + c.numHiddenLayers() * perLayer + c.hiddenSize() + head;
    }
}
