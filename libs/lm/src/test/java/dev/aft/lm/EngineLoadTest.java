package dev.aft.lm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class EngineLoadTest {

    @Test
    void pytorchEngineLoadsOfflineAndMultipliesMatrices() {
        assertThat(Engine.getInstance().getEngineName()).isEqualTo("PyTorch");
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
            NDArray product = a.matMul(a);
            assertThat(product.toFloatArray()).containsExactly(7f, 10f, 15f, 22f);
        }
    }
}
