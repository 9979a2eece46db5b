package io.github.promptscope.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/**
 * GPT-2's activation at inference is PyTorch's one-pass tanh-GELU kernel ({@link FusedGelu}); it must
 * agree with the expression spelled out in DJL calls (what autograd runs, and what inference ran
 * before) to float rounding: elementwise, so a value does not depend on the batch it is in.
 */
class FusedGeluTest {

    @Test
    void kernelAgreesWithTheSpelledOutExpressionToRounding() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            // an MLP activation's shape (GPT-2 small's 3,072 wide) and an odd length (the vector loop's tail)
            for (Shape shape : new Shape[] {new Shape(37, 3072), new Shape(3, 5, 7)}) {
                NDArray x = m.randomNormal(0, 3, shape, DataType.FLOAT32);
                float[] fused = FusedGelu.apply(x).toFloatArray();
                float[] spelled = Nonlinearities.geluTanhSpelledOut(x).toFloatArray();
                float[] xs = x.toFloatArray();
                int differ = 0;
                for (int i = 0; i < xs.length; i++) {
                    // a rounding or two apart (2^-23 relative each): the kernel rounds a few intermediate
                    // steps differently from eight separate operations
                    assertEquals(spelled[i], fused[i], 2.4e-7f * Math.max(1f, Math.abs(xs[i])), "gelu_new(" + xs[i] + ")");
                    differ += spelled[i] == fused[i] ? 0 : 1;
                }
                // most values are identical (torch 2.13 on this CPU: 445 of 46,080 differ; DJL's 2.7.1: 6 of 105)
                assertTrue(differ < xs.length / 10, differ + " of " + xs.length + " values differ");
            }
        }
    }

    @Test
    void knownValues() {
        float[] xs = {-10f, -3f, -1f, -1e-3f, 0f, 1e-3f, 0.5f, 1f, 3f, 10f};
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            float[] got = FusedGelu.apply(m.create(xs)).toFloatArray();
            for (int i = 0; i < xs.length; i++) {
                double x = xs[i];
                double want = 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
                assertEquals(want, got[i], 2e-7 * Math.max(1, Math.abs(want)), "gelu_new(" + x + ")");
            }
            assertEquals(0.8411920, got[7], 1e-6); // gelu_new(1), as transformers gives it
        }
    }

    @Test
    void resultLandsInTheInputsManager() {
        try (NDManager m = Engines.pytorch().newBaseManager(); NDManager call = m.newSubManager()) {
            NDArray y = FusedGelu.apply(call.create(new float[] {1f, 2f}));
            assertEquals(call, y.getManager());
        }
    }
}
