package dev.aft.lm.reference;

import dev.aft.lm.checkpoint.FloatTensor;
import dev.aft.lm.checkpoint.Safetensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A tiny Llama checkpoint with seeded random weights, written the way Hugging Face writes one: a literal
 * {@code config.json} and {@code model.safetensors} with the standard tensor names.
 */
public record TinyLlama(int hidden, int intermediate, int layers, int heads, int keyValueHeads, int headDim, int vocab,
        double ropeTheta, double rmsNormEps, boolean tied, Map<String, FloatTensor> weights) {

    public static TinyLlama random(int hidden, int intermediate, int layers, int heads, int keyValueHeads, int headDim,
            int vocab, boolean tied, long seed) {
        Random random = new Random(seed);
        Map<String, FloatTensor> weights = new LinkedHashMap<>();
        weights.put("model.embed_tokens.weight", gaussian(random, 1.0, vocab, hidden));
        for (int i = 0; i < layers; i++) {
            String prefix = "model.layers." + i + ".";
            weights.put(prefix + "input_layernorm.weight", nearOne(random, hidden));
            weights.put(prefix + "self_attn.q_proj.weight", gaussian(random, 0.3, heads * headDim, hidden));
            weights.put(prefix + "self_attn.k_proj.weight", gaussian(random, 0.3, keyValueHeads * headDim, hidden));
            weights.put(prefix + "self_attn.v_proj.weight", gaussian(random, 0.3, keyValueHeads * headDim, hidden));
            weights.put(prefix + "self_attn.o_proj.weight", gaussian(random, 0.2, hidden, heads * headDim));
            weights.put(prefix + "post_attention_layernorm.weight", nearOne(random, hidden));
            weights.put(prefix + "mlp.gate_proj.weight", gaussian(random, 0.2, intermediate, hidden));
            weights.put(prefix + "mlp.up_proj.weight", gaussian(random, 0.2, intermediate, hidden));
            weights.put(prefix + "mlp.down_proj.weight", gaussian(random, 0.2, hidden, intermediate));
        }
        weights.put("model.norm.weight", nearOne(random, hidden));
        if (!tied) {
            weights.put("lm_head.weight", gaussian(random, 0.2, vocab, hidden));
        }
        return new TinyLlama(hidden, intermediate, layers, heads, keyValueHeads, headDim, vocab, 10_000.0, 1e-5,
                tied, weights);
    }

    /** A config.json as transformers writes it, with keys this engine does not need. */
    public String configJson() {
        return """
                {
                  "_name_or_path": "tiny-test",
                  "architectures": ["LlamaForCausalLM"],
                  "attention_bias": false,
                  "attention_dropout": 0.0,
                  "bos_token_id": 1,
                  "eos_token_id": 2,
                  "head_dim": %d,
                  "hidden_act": "silu",
                  "hidden_size": %d,
                  "initializer_range": 0.02,
                  "intermediate_size": %d,
                  "max_position_embeddings": 64,
                  "mlp_bias": false,
                  "model_type": "llama",
                  "num_attention_heads": %d,
                  "num_hidden_layers": %d,
                  "num_key_value_heads": %d,
                  "pretraining_tp": 1,
                  "rms_norm_eps": %s,
                  "rope_scaling": null,
                  "rope_theta": %s,
                  "tie_word_embeddings": %s,
                  "torch_dtype": "float32",
                  "transformers_version": "4.46.0",
                  "use_cache": true,
                  "vocab_size": %d
                }
                """.formatted(headDim, hidden, intermediate, heads, layers, keyValueHeads, rmsNormEps, ropeTheta,
                tied, vocab);
    }

    public Path writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("config.json"), configJson());
        Safetensors.write(folder.resolve("model.safetensors"), weights, Map.of("format", "pt"));
        return folder;
    }

    public float[] weight(String name) {
        return weights.get(name).values();
    }

    private static FloatTensor gaussian(Random random, double scale, int rows, int columns) {
        float[] values = new float[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * scale);
        }
        return new FloatTensor(new long[] {rows, columns}, values);
    }

    private static FloatTensor nearOne(Random random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (1.0 + 0.2 * random.nextGaussian());
        }
        return new FloatTensor(new long[] {size}, values);
    }
}
