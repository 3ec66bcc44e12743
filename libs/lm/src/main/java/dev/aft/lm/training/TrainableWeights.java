package dev.aft.lm.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.aft.lm.checkpoint.FloatTensor;
import dev.aft.lm.model.LlamaModel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * What an optimizer updates: every weight of the model (full fine-tuning), or LoRA factors put on the
 * model as unmerged adapters while the base weights stay frozen. Arrays are named as in the output: Hugging
 * Face names for full fine-tuning, PEFT names for LoRA.
 */
final class TrainableWeights implements AutoCloseable {

    private final LlamaModel model;
    private final Map<String, NDArray> arrays;
    private final Set<String> decayed;
    private final NDManager adapterManager;
    private final List<String> adaptedWeights;

    private TrainableWeights(LlamaModel model, Map<String, NDArray> arrays, Set<String> decayed,
            NDManager adapterManager, List<String> adaptedWeights) {
        this.model = model;
        this.adaptedWeights = List.copyOf(adaptedWeights);
        this.arrays = Collections.unmodifiableMap(arrays);
        this.decayed = Set.copyOf(decayed);
        this.adapterManager = adapterManager;
    }

    /** Every weight of {@code model}; weight decay applies to the matrices, not to the 1-D norm weights. */
    static TrainableWeights full(LlamaModel model) {
        Map<String, NDArray> arrays = new LinkedHashMap<>(model.parameters());
        Set<String> decayed = new LinkedHashSet<>();
        arrays.forEach((name, array) -> {
            if (array.getShape().dimension() > 1) {
                decayed.add(name);
            }
        });
        return new TrainableWeights(model, arrays, decayed, null, List.of());
    }

    /**
     * Fresh LoRA factors on the target projections of {@code model}, initialized as PEFT does: A
     * kaiming-uniform ({@code U(-1/sqrt(in), 1/sqrt(in))}, seeded), B zero, so the adapted model starts equal
     * to the base.
     */
    static TrainableWeights lora(LlamaModel model, TrainingOptions options) {
        NDManager manager = NDManager.newBaseManager();
        Random random = new Random(options.seed());
        int rank = options.loraRank();
        float scale = (float) options.loraScale();
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        Map<String, LoraProjection> adapters = new LinkedHashMap<>();
        for (String weight : LoraAdapters.weightNames(options.loraTargetModules(),
                model.config().numHiddenLayers())) {
            Shape shape = model.parameters().get(weight).getShape();
            long out = shape.get(0);
            int in = Math.toIntExact(shape.get(1));
            float[] a = new float[rank * in];
            double bound = 1.0 / Math.sqrt(in);
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
            }
            NDArray aArray = manager.create(a, new Shape(rank, in));
            NDArray bArray = manager.zeros(new Shape(out, rank));
            arrays.put(LoraAdapters.peftName(weight, "A"), aArray);
            arrays.put(LoraAdapters.peftName(weight, "B"), bArray);
            adapters.put(weight, new LoraProjection(aArray, bArray, scale));
        }
        model.setAdapters(adapters);
        return new TrainableWeights(model, arrays, arrays.keySet(), manager, List.copyOf(adapters.keySet()));
    }

    Map<String, NDArray> arrays() {
        return arrays;
    }

    Set<String> decayed() {
        return decayed;
    }

    /** Turns gradient recording for the trainable arrays on or off (off restores the inference state). */
    void requireGradients(boolean required) {
        arrays.values().forEach(array -> array.setRequiresGradient(required));
    }

    /** Drops whatever gradient the arrays hold. */
    void zeroGradients() {
        arrays.values().forEach(array -> JniUtils.zeroGrad((PtNDArray) array));
    }

    /** The current values, by name. */
    Map<String, FloatTensor> snapshot() {
        Map<String, FloatTensor> snapshot = new LinkedHashMap<>();
        arrays.forEach((name, array) ->
                snapshot.put(name, new FloatTensor(array.getShape().getShape(), array.toFloatArray())));
        return snapshot;
    }

    /** Overwrites the arrays with saved values; every name must be present with the same shape. */
    void restore(Map<String, FloatTensor> saved) {
        boolean recording = GradientRecording.set(false);
        try {
            arrays.forEach((name, array) -> {
                FloatTensor tensor = saved.get(name);
                if (tensor == null || !new Shape(tensor.shape()).equals(array.getShape())) {
                    throw new IllegalStateException("Checkpoint lacks trainable tensor " + name + " of shape "
                            + array.getShape());
                }
                array.set(tensor.values());
            });
        } finally {
            GradientRecording.set(recording);
        }
    }

    /** The LoRA factors as an adapter folder's contents. */
    LoraAdapters adapters(String baseModel, TrainingOptions options) {
        Map<String, FloatTensor> values = snapshot();
        Map<String, LoraAdapters.Pair> projections = new LinkedHashMap<>();
        for (String weight : adaptedWeights) {
            projections.put(weight, new LoraAdapters.Pair(values.get(LoraAdapters.peftName(weight, "A")),
                    values.get(LoraAdapters.peftName(weight, "B"))));
        }
        return new LoraAdapters(baseModel, options.loraRank(), options.loraAlpha(), options.loraTargetModules(),
                projections);
    }

    /** Takes LoRA adapters off the model and frees them. */
    @Override
    public void close() {
        if (adapterManager != null) {
            model.setAdapters(Map.of());
            adapterManager.close();
        }
    }
}
