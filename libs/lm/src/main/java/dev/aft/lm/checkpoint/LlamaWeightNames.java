package dev.aft.lm.checkpoint;

import java.util.LinkedHashMap;
import java.util.Map;

/** Tensor names and shapes of a Hugging Face {@code LlamaForCausalLM} checkpoint. */
public final class LlamaWeightNames {

    public static final String EMBED_TOKENS = "model.embed_tokens.weight";
    public static final String FINAL_NORM = "model.norm.weight";
    public static final String LM_HEAD = "lm_head.weight";

    private LlamaWeightNames() {
    }

    public static String qProj(int layer) {
        return layer(layer) + "self_attn.q_proj.weight";
    }

    public static String kProj(int layer) {
        return layer(layer) + "self_attn.k_proj.weight";
    }

    public static String vProj(int layer) {
        return layer(layer) + "self_attn.v_proj.weight";
    }

    public static String oProj(int layer) {
        return layer(layer) + "self_attn.o_proj.weight";
    }

    public static String gateProj(int layer) {
        return layer(layer) + "mlp.gate_proj.weight";
    }

    public static String upProj(int layer) {
        return layer(layer) + "mlp.up_proj.weight";
    }

    public static String downProj(int layer) {
        return layer(layer) + "mlp.down_proj.weight";
    }

    public static String inputLayerNorm(int layer) {
        return layer(layer) + "input_layernorm.weight";
    }

    public static String postAttentionLayerNorm(int layer) {
        return layer(layer) + "post_attention_layernorm.weight";
    }

    /**
     * Every tensor the config needs, with its shape, in checkpoint order. {@code lm_head.weight} is listed
     * only for untied embeddings. Linear weights are {@code [out, in]}, as in PyTorch.
     */
    public static Map<String, long[]> expectedShapes(LlamaConfig config) {
        long hidden = config.hiddenSize();
        long queryWidth = (long) config.numAttentionHeads() * config.headDim();
        long keyValueWidth = (long) config.numKeyValueHeads() * config.headDim();
        long intermediate = config.intermediateSize();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put(EMBED_TOKENS, new long[] {config.vocabSize(), hidden});
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            shapes.put(inputLayerNorm(i), new long[] {hidden});
            shapes.put(qProj(i), new long[] {queryWidth, hidden});
            shapes.put(kProj(i), new long[] {keyValueWidth, hidden});
            shapes.put(vProj(i), new long[] {keyValueWidth, hidden});
            shapes.put(oProj(i), new long[] {hidden, queryWidth});
            shapes.put(postAttentionLayerNorm(i), new long[] {hidden});
            shapes.put(gateProj(i), new long[] {intermediate, hidden});
            shapes.put(upProj(i), new long[] {intermediate, hidden});
            shapes.put(downProj(i), new long[] {hidden, intermediate});
        }
        shapes.put(FINAL_NORM, new long[] {hidden});
        if (!config.tieWordEmbeddings()) {
            shapes.put(LM_HEAD, new long[] {config.vocabSize(), hidden});
        }
        return shapes;
    }

    private static String layer(int index) {
        return "model.layers." + index + ".";
    }
}
