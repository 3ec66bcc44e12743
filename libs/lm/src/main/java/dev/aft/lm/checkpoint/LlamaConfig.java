package dev.aft.lm.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The shape of a Llama-family decoder, as in a Hugging Face {@code config.json} with architecture
 * {@code LlamaForCausalLM}.
 *
 * @param hiddenSize width of the residual stream
 * @param intermediateSize width of the SwiGLU MLP
 * @param numHiddenLayers number of decoder layers
 * @param numAttentionHeads number of query heads
 * @param numKeyValueHeads number of key/value heads (fewer than query heads: grouped-query attention)
 * @param headDim width of one attention head
 * @param rmsNormEps epsilon inside every RMSNorm
 * @param ropeTheta base of the rotary position frequencies
 * @param maxPositionEmbeddings longest sequence the model accepts
 * @param vocabSize number of token ids
 * @param tieWordEmbeddings whether the output projection is the token-embedding matrix
 * @param bosTokenId beginning-of-sequence token id, or null when the config names none
 * @param eosTokenIds end-of-sequence token ids (possibly empty)
 */
public record LlamaConfig(
        int hiddenSize,
        int intermediateSize,
        int numHiddenLayers,
        int numAttentionHeads,
        int numKeyValueHeads,
        int headDim,
        double rmsNormEps,
        double ropeTheta,
        int maxPositionEmbeddings,
        int vocabSize,
        boolean tieWordEmbeddings,
        Integer bosTokenId,
        List<Integer> eosTokenIds) {

    public static final String FILE_NAME = "config.json";
    public static final String ARCHITECTURE = "LlamaForCausalLM";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public LlamaConfig {
        requirePositive("hidden_size", hiddenSize);
        requirePositive("intermediate_size", intermediateSize);
        requirePositive("num_hidden_layers", numHiddenLayers);
        requirePositive("num_attention_heads", numAttentionHeads);
        requirePositive("num_key_value_heads", numKeyValueHeads);
        requirePositive("head_dim", headDim);
        requirePositive("max_position_embeddings", maxPositionEmbeddings);
        requirePositive("vocab_size", vocabSize);
        if (numAttentionHeads % numKeyValueHeads != 0) {
            throw new IllegalArgumentException("num_attention_heads (" + numAttentionHeads
                    + ") must be a multiple of num_key_value_heads (" + numKeyValueHeads + ")");
        }
        if (headDim % 2 != 0) {
            throw new IllegalArgumentException("head_dim must be even for rotary positions, got " + headDim);
        }
        if (!(rmsNormEps > 0) || !(ropeTheta > 0)) {
            throw new IllegalArgumentException("rms_norm_eps and rope_theta must be positive");
        }
        eosTokenIds = List.copyOf(Objects.requireNonNull(eosTokenIds, "eosTokenIds"));
    }

    /** A config with the Llama defaults for everything but the sizes; head width is hidden / heads. */
    public static LlamaConfig of(int hiddenSize, int intermediateSize, int numHiddenLayers, int numAttentionHeads,
            int numKeyValueHeads, int vocabSize, int maxPositionEmbeddings, boolean tieWordEmbeddings) {
        return new LlamaConfig(hiddenSize, intermediateSize, numHiddenLayers, numAttentionHeads, numKeyValueHeads,
                hiddenSize / numAttentionHeads, 1e-5, 10_000.0, maxPositionEmbeddings, vocabSize,
                tieWordEmbeddings, null, List.of());
    }

    /** Number of query heads that share one key/value head. */
    public int queriesPerKeyValueHead() {
        return numAttentionHeads / numKeyValueHeads;
    }

    /** Reads {@code config.json}; the architecture must be {@code LlamaForCausalLM}. */
    public static LlamaConfig read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new CheckpointException("Missing model config " + file, e);
            }
            throw new CheckpointException("Cannot parse model config " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CheckpointException("Model config " + file + " is not a JSON object");
        }
        return new ConfigReader(file, root).read();
    }

    /** Writes this config as a Hugging Face {@code config.json}. */
    public void write(Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("architectures").add(ARCHITECTURE);
        root.put("model_type", "llama");
        root.put("hidden_act", "silu");
        root.put("hidden_size", hiddenSize);
        root.put("intermediate_size", intermediateSize);
        root.put("num_hidden_layers", numHiddenLayers);
        root.put("num_attention_heads", numAttentionHeads);
        root.put("num_key_value_heads", numKeyValueHeads);
        root.put("head_dim", headDim);
        root.put("rms_norm_eps", rmsNormEps);
        root.put("rope_theta", ropeTheta);
        root.put("max_position_embeddings", maxPositionEmbeddings);
        root.put("vocab_size", vocabSize);
        root.put("tie_word_embeddings", tieWordEmbeddings);
        root.put("attention_bias", false);
        root.put("mlp_bias", false);
        root.put("torch_dtype", "float32");
        if (bosTokenId != null) {
            root.put("bos_token_id", bosTokenId);
        }
        if (eosTokenIds.size() == 1) {
            root.put("eos_token_id", eosTokenIds.get(0));
        } else if (!eosTokenIds.isEmpty()) {
            ArrayNode ids = root.putArray("eos_token_id");
            eosTokenIds.forEach(ids::add);
        }
        try {
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new CheckpointException("Cannot write model config " + file + ": " + e.getMessage(), e);
        }
    }

    private static void requirePositive(String key, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
    }

    /** Field-by-field reading with errors that name the file and the key. */
    private record ConfigReader(Path file, JsonNode root) {

        LlamaConfig read() {
            JsonNode architectures = root.get("architectures");
            if (architectures == null || !architectures.isArray() || architectures.isEmpty()) {
                throw fail("architectures", "is missing; expected [\"" + ARCHITECTURE + "\"]");
            }
            String architecture = architectures.get(0).asText();
            if (!ARCHITECTURE.equals(architecture)) {
                throw fail("architectures", "names unsupported architecture " + architecture
                        + "; supported: " + ARCHITECTURE);
            }
            requireAbsentOr("hidden_act", "silu");
            requireAbsentOr("attention_bias", false);
            requireAbsentOr("mlp_bias", false);
            JsonNode ropeScaling = root.get("rope_scaling");
            if (ropeScaling != null && !ropeScaling.isNull()) {
                throw fail("rope_scaling", "is set; only unscaled rotary positions are supported");
            }
            int hidden = requiredInt("hidden_size");
            int heads = requiredInt("num_attention_heads");
            int headDim = root.hasNonNull("head_dim") ? requiredInt("head_dim") : hidden / heads;
            try {
                return new LlamaConfig(
                        hidden,
                        requiredInt("intermediate_size"),
                        requiredInt("num_hidden_layers"),
                        heads,
                        root.hasNonNull("num_key_value_heads") ? requiredInt("num_key_value_heads") : heads,
                        headDim,
                        requiredDouble("rms_norm_eps"),
                        root.hasNonNull("rope_theta") ? requiredDouble("rope_theta") : 10_000.0,
                        requiredInt("max_position_embeddings"),
                        requiredInt("vocab_size"),
                        root.path("tie_word_embeddings").asBoolean(false),
                        root.hasNonNull("bos_token_id") ? requiredInt("bos_token_id") : null,
                        eosIds());
            } catch (IllegalArgumentException e) {
                throw new CheckpointException("Model config " + file + ": " + e.getMessage(), e);
            }
        }

        private List<Integer> eosIds() {
            JsonNode node = root.get("eos_token_id");
            List<Integer> ids = new ArrayList<>();
            if (node == null || node.isNull()) {
                return ids;
            }
            if (node.isArray()) {
                node.forEach(id -> ids.add(asInt("eos_token_id", id)));
            } else {
                ids.add(asInt("eos_token_id", node));
            }
            return ids;
        }

        private int requiredInt(String key) {
            return asInt(key, required(key));
        }

        private int asInt(String key, JsonNode node) {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw fail(key, "must be an integer, got " + node);
            }
            return node.intValue();
        }

        private double requiredDouble(String key) {
            JsonNode node = required(key);
            if (!node.isNumber()) {
                throw fail(key, "must be a number, got " + node);
            }
            return node.doubleValue();
        }

        private JsonNode required(String key) {
            JsonNode node = root.get(key);
            if (node == null || node.isNull()) {
                throw fail(key, "is missing");
            }
            return node;
        }

        private void requireAbsentOr(String key, Object supported) {
            JsonNode node = root.get(key);
            if (node == null || node.isNull()) {
                return;
            }
            boolean ok = supported instanceof Boolean b ? node.isBoolean() && node.booleanValue() == b
                    : node.asText().equals(supported);
            if (!ok) {
                throw fail(key, "is " + node + "; only " + supported + " is supported");
            }
        }

        private CheckpointException fail(String key, String problem) {
            return new CheckpointException("Model config " + file + ": key \"" + key + "\" " + problem);
        }
    }
}
