package io.github.promptscope.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Inference writes the MLP's bias and GELU over buffers it owns ({@link Linear#apply},
 * {@link Nonlinearity#applyOwned}); a seeded search ranks by these floats, so every bit must be
 * that of the out-of-place operations, in the same order, written out here.
 */
class InPlaceInferenceTest {

    private static final float SQRT_2_OVER_PI = (float) Math.sqrt(2.0 / Math.PI);

    /** GPT-2's tanh-GELU spelled out, one fresh tensor per operation. */
    private static NDArray geluReference(NDArray x) {
        NDArray inner = x.add(x.pow(3).mul(0.044715f)).mul(SQRT_2_OVER_PI);
        return x.mul(0.5f).mul(inner.tanh().add(1f));
    }

    /** Wide-ranging activations, with the edges where rounding is most fragile: tiny, huge, zero. */
    private static NDArray activations(NDManager m) {
        NDArray x = m.randomNormal(0f, 3f, new Shape(37, 96), ai.djl.ndarray.types.DataType.FLOAT32);
        float[] v = x.toFloatArray();
        float[] edges = {0f, -0f, 1e-30f, -1e-30f, 1e-44f, 30f, -30f, 1e12f, -1e12f, 5.5f, -5.5f};
        System.arraycopy(edges, 0, v, 0, edges.length);
        return m.create(v, x.getShape());
    }

    @Test
    void geluInPlaceIsTheSpelledOutFormulaBitForBit() {
        Nonlinearity gelu = Nonlinearities.byName(Path.of("config.json"), "gelu_new");
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray x = activations(m);
            float[] expected = geluReference(x).toFloatArray();
            float[] input = x.toFloatArray();
            assertArrayEquals(expected, gelu.apply(x).toFloatArray());
            assertArrayEquals(input, x.toFloatArray(), "apply must leave its input as it was");
            NDArray owned = x.duplicate();
            NDArray out = gelu.applyOwned(owned);
            assertArrayEquals(expected, out.toFloatArray());
            assertEquals(expected.length, out.size());
        }
    }

    @Test
    void projectionWithItsBiasAddedInPlaceIsTheOutOfPlaceSum() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray x = activations(m);
            NDArray w = m.randomNormal(new Shape(96, 50));
            NDArray b = m.randomNormal(new Shape(50));
            assertArrayEquals(x.matMul(w).add(b).toFloatArray(), Linear.conv1d(w, b).apply(x).toFloatArray());
            NDArray torchLayout = w.transpose().duplicate(); // [out, in]
            assertArrayEquals(ai.djl.nn.core.Linear.linear(x, torchLayout).singletonOrThrow().add(b).toFloatArray(),
                    Linear.torch(torchLayout, b).apply(x).toFloatArray());
        }
    }
}
