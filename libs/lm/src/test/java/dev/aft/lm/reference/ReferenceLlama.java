package dev.aft.lm.reference;

/**
 * An independent Llama forward pass in double precision with plain loops, written from the Hugging Face
 * modeling_llama definitions. It shares no code with the engine: only the weights.
 */
public final class ReferenceLlama {

    private final TinyLlama model;

    public ReferenceLlama(TinyLlama model) {
        this.model = model;
    }

    /** Logits {@code [position][vocab]} for one unpadded sequence. */
    public double[][] logits(int[] tokens) {
        int length = tokens.length;
        int hidden = model.hidden();
        double[][] x = new double[length][];
        float[] embed = model.weight("model.embed_tokens.weight");
        for (int t = 0; t < length; t++) {
            x[t] = new double[hidden];
            for (int i = 0; i < hidden; i++) {
                x[t][i] = embed[tokens[t] * hidden + i];
            }
        }
        for (int layer = 0; layer < model.layers(); layer++) {
            String p = "model.layers." + layer + ".";
            double[][] normed = rmsNorm(x, model.weight(p + "input_layernorm.weight"));
            double[][] attended = attention(normed, p);
            add(x, matVec(attended, model.weight(p + "self_attn.o_proj.weight"), hidden));
            normed = rmsNorm(x, model.weight(p + "post_attention_layernorm.weight"));
            double[][] gate = matVec(normed, model.weight(p + "mlp.gate_proj.weight"), model.intermediate());
            double[][] up = matVec(normed, model.weight(p + "mlp.up_proj.weight"), model.intermediate());
            for (int t = 0; t < length; t++) {
                for (int j = 0; j < model.intermediate(); j++) {
                    double g = gate[t][j];
                    gate[t][j] = g / (1 + Math.exp(-g)) * up[t][j];
                }
            }
            add(x, matVec(gate, model.weight(p + "mlp.down_proj.weight"), hidden));
        }
        double[][] normed = rmsNorm(x, model.weight("model.norm.weight"));
        String head = model.tied() ? "model.embed_tokens.weight" : "lm_head.weight";
        return matVec(normed, model.weight(head), model.vocab());
    }

    /** log-softmax of each row. */
    public static double[][] logSoftmax(double[][] logits) {
        double[][] out = new double[logits.length][];
        for (int t = 0; t < logits.length; t++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double value : logits[t]) {
                max = Math.max(max, value);
            }
            double sum = 0;
            for (double value : logits[t]) {
                sum += Math.exp(value - max);
            }
            double logNormalizer = max + Math.log(sum);
            out[t] = new double[logits[t].length];
            for (int v = 0; v < logits[t].length; v++) {
                out[t][v] = logits[t][v] - logNormalizer;
            }
        }
        return out;
    }

    private double[][] attention(double[][] input, String p) {
        int length = input.length;
        int d = model.headDim();
        double[][] q = matVec(input, model.weight(p + "self_attn.q_proj.weight"), model.heads() * d);
        double[][] k = matVec(input, model.weight(p + "self_attn.k_proj.weight"), model.keyValueHeads() * d);
        double[][] v = matVec(input, model.weight(p + "self_attn.v_proj.weight"), model.keyValueHeads() * d);
        for (int t = 0; t < length; t++) {
            for (int h = 0; h < model.heads(); h++) {
                rotate(q[t], h * d, t);
            }
            for (int h = 0; h < model.keyValueHeads(); h++) {
                rotate(k[t], h * d, t);
            }
        }
        int group = model.heads() / model.keyValueHeads();
        double[][] out = new double[length][model.heads() * d];
        for (int h = 0; h < model.heads(); h++) {
            int kv = h / group;
            for (int t = 0; t < length; t++) {
                double[] weights = new double[t + 1];
                double max = Double.NEGATIVE_INFINITY;
                for (int s = 0; s <= t; s++) {
                    double dot = 0;
                    for (int i = 0; i < d; i++) {
                        dot += q[t][h * d + i] * k[s][kv * d + i];
                    }
                    weights[s] = dot / Math.sqrt(d);
                    max = Math.max(max, weights[s]);
                }
                double sum = 0;
                for (int s = 0; s <= t; s++) {
                    weights[s] = Math.exp(weights[s] - max);
                    sum += weights[s];
                }
                for (int s = 0; s <= t; s++) {
                    for (int i = 0; i < d; i++) {
                        out[t][h * d + i] += weights[s] / sum * v[s][kv * d + i];
                    }
                }
            }
        }
        return out;
    }

    /** rotate_half convention: pairs (i, i + d/2) rotate by position * theta^(-2i/d). */
    private void rotate(double[] vector, int offset, int position) {
        int d = model.headDim();
        int half = d / 2;
        for (int i = 0; i < half; i++) {
            double angle = position * Math.pow(model.ropeTheta(), -2.0 * i / d);
            double first = vector[offset + i];
            double second = vector[offset + i + half];
            vector[offset + i] = first * Math.cos(angle) - second * Math.sin(angle);
            vector[offset + i + half] = second * Math.cos(angle) + first * Math.sin(angle);
        }
    }

    private double[][] rmsNorm(double[][] x, float[] weight) {
        double[][] out = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            double sumSquares = 0;
            for (double value : x[t]) {
                sumSquares += value * value;
            }
            double scale = 1 / Math.sqrt(sumSquares / x[t].length + model.rmsNormEps());
            out[t] = new double[x[t].length];
            for (int i = 0; i < x[t].length; i++) {
                out[t][i] = x[t][i] * scale * weight[i];
            }
        }
        return out;
    }

    /** y = W x for each row, W stored [out, in] row-major. */
    private static double[][] matVec(double[][] x, float[] weight, int outputs) {
        int inputs = x[0].length;
        double[][] y = new double[x.length][outputs];
        for (int t = 0; t < x.length; t++) {
            for (int o = 0; o < outputs; o++) {
                double sum = 0;
                for (int i = 0; i < inputs; i++) {
                    sum += weight[o * inputs + i] * x[t][i];
                }
                y[t][o] = sum;
            }
        }
        return y;
    }

    private static void add(double[][] x, double[][] delta) {
        for (int t = 0; t < x.length; t++) {
            for (int i = 0; i < x[t].length; i++) {
                x[t][i] += delta[t][i];
            }
        }
    }
}
