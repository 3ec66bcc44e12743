package dev.aft.lm.training;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.aft.lm.model.LlamaModel;

/**
 * PyTorch's per-thread gradient-recording switch. It is on by default in a new libtorch thread, so training
 * turns it off for everything but the forward and backward pass: parameter updates and bookkeeping must
 * never build a graph.
 */
final class GradientRecording {

    static {
        // LlamaModel's class initializer chooses PyTorch's thread settings, which only count before the engine
        // starts; then start the engine, whose native library JniUtils calls into.
        try {
            Class.forName(LlamaModel.class.getName(), true, LlamaModel.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        Engine.getInstance();
    }

    private GradientRecording() {
    }

    /** Sets recording for the current thread and returns the previous setting. */
    static boolean set(boolean enabled) {
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(enabled);
        return previous;
    }

    static boolean isOn() {
        return JniUtils.isGradMode();
    }
}
