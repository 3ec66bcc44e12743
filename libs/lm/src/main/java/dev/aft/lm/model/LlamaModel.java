package dev.aft.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import dev.aft.lm.checkpoint.FloatTensor;
import dev.aft.lm.checkpoint.LlamaCheckpoint;
import dev.aft.lm.checkpoint.LlamaConfig;
import dev.aft.lm.checkpoint.LlamaWeightNames;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Llama-family decoder on DJL + PyTorch: token embeddings; per layer RMSNorm, causal grouped-query
 * attention with rotary positions, residual, RMSNorm, SwiGLU MLP, residual; final RMSNorm; output
 * projection (the embedding matrix when embeddings are tied).
 *
 * <p>The forward pass is plain differentiable NDArray operations. Its intermediate and result arrays live
 * in the manager of the token-id array, so a caller scopes one forward pass with a sub-manager.
 */
public final class LlamaModel implements AutoCloseable {

    static {
        configureThreads();
        keepTensorMemory();
    }

    /**
     * PyTorch's default intra-op thread count under DJL leaves cores idle (measured: a 2048 x 256 x 688 matmul
     * at ~20 GFLOP/s by default, ~55 with one thread per core). Unless set explicitly, use one thread per
     * available core for operators and one for inter-op scheduling. Must run before the engine starts.
     */
    static void configureThreads() {
        String cores = Integer.toString(Runtime.getRuntime().availableProcessors());
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", cores);
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        // OpenMP threads that spin while waiting collapse when the cores are shared with other processes
        // (measured: a one-token decoding step went from ~10 ms to ~120 ms next to two busy processes). Let them
        // sleep instead, unless the environment says otherwise; libgomp reads this when PyTorch loads.
        if (System.getenv("OMP_WAIT_POLICY") == null) {
            try {
                CLibrary.INSTANCE.setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                // Not a POSIX C library: keep OpenMP's default.
            }
        }
    }

    /**
     * glibc hands a tensor of more than 128 KB out of fresh {@code mmap}ed pages and returns freed memory at
     * the top of its heap to the system, so every forward pass faults in its activations again: a profile of
     * scoring showed the same element-wise operator taking 0.6 ms or 2.2 ms depending on whether its output
     * memory was new. Serving tensors up to 32 MB from the heap, and returning freed memory at its top only
     * beyond 256 MB, removes that: the inference benchmark's scoring went from 13,110-13,356 to 14,109-15,102
     * tokens/s in the same session, with 4.6x fewer page faults. The cost is that a heap keeps up to 256 MB of
     * freed native memory for the next pass. Skipped when the environment sets glibc's own {@code MALLOC_*}
     * tunables (setting any of them also freezes the mmap threshold) or the system property
     * {@code aft.lm.keep-tensor-memory=false}; harmless on another C library (the call fails, nothing changes).
     */
    private static void keepTensorMemory() {
        if (!Boolean.parseBoolean(System.getProperty("aft.lm.keep-tensor-memory", "true"))) {
            return;
        }
        for (String name : new String[] {"MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_"}) {
            if (System.getenv(name) != null) {
                return;
            }
        }
        try {
            // All three together: fixing the trim threshold alone also freezes the mmap threshold at 128 KB,
            // which halves scoring speed.
            CLibrary.INSTANCE.mallopt(M_MMAP_THRESHOLD, 32 << 20);
            CLibrary.INSTANCE.mallopt(M_TRIM_THRESHOLD, 256 << 20);
            CLibrary.INSTANCE.mallopt(M_TOP_PAD, 64 << 20);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // No glibc mallopt: keep the allocator's defaults.
        }
    }

    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;

    private interface CLibrary extends com.sun.jna.Library {
        CLibrary INSTANCE = com.sun.jna.Native.load("c", CLibrary.class);

        int setenv(String name, String value, int overwrite);

        int mallopt(int parameter, int value);
    }

    private final LlamaConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> parameters;
    private volatile Map<String, LinearAdapter> adapters = Map.of();
    private final NDArray epsilon;

    /**
     * A trainable addition to one linear projection (LoRA): given the projection's input
     * {@code [..., in]} it returns the delta {@code [..., out]} added to the base projection's output.
     */
    @FunctionalInterface
    public interface LinearAdapter {
        NDArray delta(NDArray input);
    }

    private LlamaModel(LlamaConfig config, NDManager manager, Map<String, NDArray> parameters) {
        this.config = config;
        this.manager = manager;
        this.parameters = Collections.unmodifiableMap(parameters);
        // A Java number in an operator becomes a new one-element tensor on every call: made once here instead.
        this.epsilon = manager.create((float) config.rmsNormEps());
    }

    /** Loads {@code config.json} and {@code model.safetensors} from a Hugging Face checkpoint folder. */
    public static LlamaModel load(Path folder) {
        return fromCheckpoint(LlamaCheckpoint.read(folder));
    }

    public static LlamaModel fromCheckpoint(LlamaCheckpoint checkpoint) {
        NDManager manager = NDManager.newBaseManager();
        Map<String, NDArray> parameters = new LinkedHashMap<>();
        checkpoint.tensors().forEach((name, tensor) -> {
            NDArray array = manager.create(tensor.values(), new Shape(tensor.shape()));
            array.setName(name);
            parameters.put(name, array);
        });
        return new LlamaModel(checkpoint.config(), manager, parameters);
    }

    /**
     * A model with freshly initialized weights, as Hugging Face initializes a Llama: every matrix normal
     * with standard deviation {@code initializerRange}, every norm weight 1. The same seed gives the same
     * weights.
     */
    public static LlamaModel randomlyInitialized(LlamaConfig config, long seed, double initializerRange) {
        java.util.Random random = new java.util.Random(seed);
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        LlamaWeightNames.expectedShapes(config).forEach((name, shape) -> {
            long count = 1;
            for (long dimension : shape) {
                count *= dimension;
            }
            float[] values = new float[Math.toIntExact(count)];
            if (shape.length == 1) {
                java.util.Arrays.fill(values, 1f);
            } else {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (random.nextGaussian() * initializerRange);
                }
            }
            tensors.put(name, new FloatTensor(shape, values));
        });
        return fromCheckpoint(new LlamaCheckpoint(config, tensors));
    }

    /** Writes this model as a Hugging Face checkpoint folder. */
    public void save(Path folder) {
        toCheckpoint().write(folder);
    }

    public LlamaCheckpoint toCheckpoint() {
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        parameters.forEach((name, array) ->
                tensors.put(name, new FloatTensor(array.getShape().getShape(), array.toFloatArray())));
        return new LlamaCheckpoint(config, tensors);
    }

    /**
     * Sets the adapters applied on top of the base projections, by Hugging Face weight name (for example
     * {@code model.layers.0.self_attn.q_proj.weight}); an empty map restores the base model. Names that are
     * not projections of this model are rejected.
     */
    public void setAdapters(Map<String, ? extends LinearAdapter> adapters) {
        for (String name : adapters.keySet()) {
            if (!parameters.containsKey(name) || parameters.get(name).getShape().dimension() != 2) {
                throw new IllegalArgumentException("No linear projection named " + name + " in this model");
            }
        }
        this.adapters = Map.copyOf(adapters);
    }

    public Map<String, LinearAdapter> adapters() {
        return adapters;
    }

    public LlamaConfig config() {
        return config;
    }

    /** The weights by Hugging Face name; with tied embeddings there is no separate {@code lm_head.weight}. */
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    /**
     * Next-token logits {@code [batch, length, vocab]} for token ids {@code [batch, length]} at positions
     * {@code 0 .. length-1}. Attention is causal, so right padding never changes the logits of the real
     * tokens before it.
     */
    public NDArray logits(NDArray tokenIds) {
        Shape shape = tokenIds.getShape();
        if (shape.dimension() != 2) {
            throw new IllegalArgumentException("Token ids must be [batch, length], got " + shape);
        }
        int length = Math.toIntExact(shape.get(1));
        if (length < 1 || length > config.maxPositionEmbeddings()) {
            throw new IllegalArgumentException("Sequence length " + length + " is outside 1.."
                    + config.maxPositionEmbeddings() + " (max_position_embeddings)");
        }
        NDManager scope = tokenIds.getManager();
        NDArray ids = tokenIds.getDataType() == DataType.INT64 ? tokenIds : tokenIds.toType(DataType.INT64, false);
        NDArray embeddings = parameter(LlamaWeightNames.EMBED_TOKENS);
        NDArray hidden = ids.getNDArrayInternal().embedding(ids, embeddings, SparseFormat.DENSE).singletonOrThrow();
        RotaryPositions rotary = RotaryPositions.forLength(config, length, scope);
        NDArray mask = causalMask(scope, length);
        for (int layer = 0; layer < config.numHiddenLayers(); layer++) {
            NDArray attended = attention(rmsNorm(hidden, LlamaWeightNames.inputLayerNorm(layer)), layer, rotary, mask);
            hidden = hidden.add(attended);
            hidden = hidden.add(mlp(rmsNorm(hidden, LlamaWeightNames.postAttentionLayerNorm(layer)), layer));
        }
        hidden = rmsNorm(hidden, LlamaWeightNames.FINAL_NORM);
        NDArray head = config.tieWordEmbeddings() ? embeddings : parameter(LlamaWeightNames.LM_HEAD);
        return Linear.linear(hidden, head).singletonOrThrow();
    }

    /**
     * Reads {@code tokenIds [batch, length]} after what {@code cache} already holds and returns their
     * next-token logits {@code [batch, length, vocab]}; their keys and values are appended to the cache.
     * Row {@code b}'s tokens take the positions after the real tokens the cache holds for it.
     *
     * @param valid {@code [batch][length]}, false where a token is padding (left padding of prompts of
     *              different lengths): padding takes no position and no later token attends to it; null when
     *              every token is real
     */
    public NDArray extend(NDArray tokenIds, KeyValueCache cache, boolean[][] valid) {
        Shape shape = tokenIds.getShape();
        if (shape.dimension() != 2 || shape.get(0) != cache.batch) {
            throw new IllegalArgumentException("Token ids must be [" + cache.batch + ", length], got " + shape);
        }
        int batch = cache.batch;
        int length = Math.toIntExact(shape.get(1));
        int[][] positions = new int[batch][length];
        for (int row = 0; row < batch; row++) {
            int next = cache.nextPosition[row];
            for (int i = 0; i < length; i++) {
                positions[row][i] = next;
                if (valid == null || valid[row][i]) {
                    next++;
                }
            }
            if (next > config.maxPositionEmbeddings()) {
                throw new IllegalArgumentException("Row " + row + " would reach position " + next
                        + ", beyond the model's context of " + config.maxPositionEmbeddings()
                        + " (max_position_embeddings)");
            }
        }
        NDManager scope = tokenIds.getManager();
        NDArray ids = tokenIds.getDataType() == DataType.INT64 ? tokenIds : tokenIds.toType(DataType.INT64, false);
        NDArray embeddings = parameter(LlamaWeightNames.EMBED_TOKENS);
        NDArray hidden = inScope(ids.getNDArrayInternal().embedding(ids, embeddings, SparseFormat.DENSE)
                .singletonOrThrow(), scope);
        RotaryPositions rotary = RotaryPositions.forPositions(config, positions, scope);
        NDArray bias = rowBias(cache, valid, length, scope);
        for (int layer = 0; layer < config.numHiddenLayers(); layer++) {
            NDArray attended = cachedAttention(rmsNorm(hidden, LlamaWeightNames.inputLayerNorm(layer)), layer, rotary,
                    bias, cache, scope);
            hidden = hidden.add(attended);
            hidden = hidden.add(mlp(rmsNorm(hidden, LlamaWeightNames.postAttentionLayerNorm(layer)), layer));
        }
        cache.advance(valid, length);
        hidden = rmsNorm(hidden, LlamaWeightNames.FINAL_NORM);
        NDArray head = config.tieWordEmbeddings() ? embeddings : parameter(LlamaWeightNames.LM_HEAD);
        return Linear.linear(hidden, head).singletonOrThrow();
    }

    /** A fresh cache for {@code batch} rows of this model. */
    public KeyValueCache newCache(int batch) {
        return KeyValueCache.empty(config.numHiddenLayers(), batch);
    }

    private NDArray cachedAttention(NDArray input, int layer, RotaryPositions rotary, NDArray bias,
            KeyValueCache cache, NDManager scope) {
        long batch = input.getShape().get(0);
        long length = input.getShape().get(1);
        int heads = config.numAttentionHeads();
        int headDim = config.headDim();
        double scale = 1.0 / Math.sqrt(headDim);
        NDArray queries = rotary.rotateScaled(splitHeads(project(input, LlamaWeightNames.qProj(layer)), heads), scale);
        NDArray keys = rotary.rotate(splitHeads(project(input, LlamaWeightNames.kProj(layer)), config.numKeyValueHeads()));
        NDArray values = splitHeads(project(input, LlamaWeightNames.vProj(layer)), config.numKeyValueHeads());
        cache.append(layer, keys, values);
        NDArray rowKeys = sharedInScope(cache.rowKeys[layer], scope);
        NDArray rowValues = sharedInScope(cache.rowValues[layer], scope);
        NDArray rowScores = queries.matMul(inScope(rowKeys.transpose(0, 1, 3, 2), scope));
        if (bias != null) {
            rowScores = rowScores.add(bias);
        }
        ai.djl.ndarray.NDList shared = cache.shared(layer);
        NDArray mixed;
        if (shared == null) {
            mixed = rowScores.softmax(3).matMul(rowValues);
        } else {
            NDArray sharedKeys = sharedInScope(shared.get(0), scope);
            NDArray sharedValues = sharedInScope(shared.get(1), scope);
            NDArray sharedScores = queries.matMul(inScope(sharedKeys.transpose(0, 1, 3, 2), scope));
            NDArray weights = sharedScores.concat(rowScores, 3).softmax(3);
            ai.djl.ndarray.NDList parts = weights.split(new long[] {cache.sharedLength}, 3);
            mixed = parts.get(0).matMul(sharedValues).add(parts.get(1).matMul(rowValues));
        }
        mixed = mixed.transpose(0, 2, 1, 3).reshape(batch, length, (long) heads * headDim);
        return project(mixed, LlamaWeightNames.oProj(layer));
    }

    /**
     * Additive attention bias {@code [rows, 1, length, past + length]} over the per-row part of the cache:
     * 0 where a new token may attend (a real earlier token, or itself), -inf elsewhere. One row when every
     * row has the same pattern; null when nothing is masked.
     */
    private static NDArray rowBias(KeyValueCache cache, boolean[][] valid, int length, NDManager scope) {
        int past = cache.rowLength;
        boolean uniform = valid == null;
        for (boolean[] row : cache.valid) {
            for (boolean v : row) {
                uniform &= v;
            }
        }
        if (uniform && length == 1) {
            return null; // one new token per row, every earlier position real: nothing to mask
        }
        int rows = uniform ? 1 : cache.batch;
        int width = past + length;
        float[] bias = new float[rows * length * width];
        for (int row = 0; row < rows; row++) {
            for (int i = 0; i < length; i++) {
                int base = (row * length + i) * width;
                for (int j = 0; j < width; j++) {
                    boolean allowed;
                    if (j < past) {
                        allowed = cache.valid[row][j];
                    } else {
                        int k = j - past;
                        allowed = k == i || (k < i && (valid == null || valid[row][k]));
                    }
                    if (!allowed) {
                        bias[base + j] = Float.NEGATIVE_INFINITY;
                    }
                }
            }
        }
        return scope.create(bias, new Shape(rows, 1, length, width));
    }

    /**
     * Cached keys or values with their heads shared among query heads; a new array is moved into the
     * forward pass's scope, the cached one itself is never moved (it belongs to the cache).
     */
    private NDArray sharedInScope(NDArray cached, NDManager scope) {
        NDArray shared = shareKeyValueHeads(cached, scope);
        return shared == cached ? cached : inScope(shared, scope);
    }

    private static NDArray inScope(NDArray array, NDManager scope) {
        if (array.getManager() != scope) {
            array.attach(scope);
        }
        return array;
    }

    private NDArray attention(NDArray input, int layer, RotaryPositions rotary, NDArray mask) {
        long batch = input.getShape().get(0);
        long length = input.getShape().get(1);
        int heads = config.numAttentionHeads();
        int keyValueHeads = config.numKeyValueHeads();
        int headDim = config.headDim();
        NDArray queries = rotary.rotateScaled(splitHeads(project(input, LlamaWeightNames.qProj(layer)), heads),
                1.0 / Math.sqrt(headDim));
        NDArray keys = rotary.rotate(splitHeads(project(input, LlamaWeightNames.kProj(layer)), keyValueHeads));
        NDArray values = splitHeads(project(input, LlamaWeightNames.vProj(layer)), keyValueHeads);
        keys = shareKeyValueHeads(keys, keys.getManager());
        values = shareKeyValueHeads(values, values.getManager());
        NDArray scores = queries.matMul(keys.transpose(0, 1, 3, 2)).add(mask);
        NDArray mixed = scores.softmax(3).matMul(values)
                .transpose(0, 2, 1, 3)
                .reshape(batch, length, (long) heads * headDim);
        return project(mixed, LlamaWeightNames.oProj(layer));
    }

    private NDArray mlp(NDArray input, int layer) {
        NDArray gate = project(input, LlamaWeightNames.gateProj(layer));
        NDArray up = project(input, LlamaWeightNames.upProj(layer));
        return project(gate.mul(Activation.sigmoid(gate)).mul(up), LlamaWeightNames.downProj(layer));
    }

    private NDArray rmsNorm(NDArray input, String weightName) {
        NDArray meanSquare = input.square().mean(new int[] {input.getShape().dimension() - 1}, true);
        return input.div(meanSquare.add(epsilon).sqrt()).mul(parameter(weightName));
    }

    private NDArray project(NDArray input, String weightName) {
        NDArray output = Linear.linear(input, parameter(weightName)).singletonOrThrow();
        LinearAdapter adapter = adapters.get(weightName);
        return adapter == null ? output : output.add(adapter.delta(input));
    }

    /** {@code [batch, length, heads * headDim]} to {@code [batch, heads, length, headDim]}. */
    private NDArray splitHeads(NDArray projected, int heads) {
        Shape shape = projected.getShape();
        return projected.reshape(shape.get(0), shape.get(1), heads, config.headDim()).transpose(0, 2, 1, 3);
    }

    /** Repeats each key/value head for the query heads that share it (head h reads group h / repeats). */
    private NDArray shareKeyValueHeads(NDArray grouped, NDManager scope) {
        int repeats = config.queriesPerKeyValueHead();
        if (repeats == 1) {
            return grouped;
        }
        Shape shape = grouped.getShape();
        return inScope(grouped.expandDims(2), scope)
                .broadcast(shape.get(0), shape.get(1), repeats, shape.get(2), shape.get(3))
                .reshape(shape.get(0), shape.get(1) * repeats, shape.get(2), shape.get(3));
    }

    private static NDArray causalMask(NDManager scope, int length) {
        float[] mask = new float[length * length];
        for (int row = 0; row < length; row++) {
            for (int column = row + 1; column < length; column++) {
                mask[row * length + column] = Float.NEGATIVE_INFINITY;
            }
        }
        return scope.create(mask, new Shape(length, length));
    }

    private NDArray parameter(String name) {
        return parameters.get(name);
    }

    @Override
    public void close() {
        manager.close();
    }
}
