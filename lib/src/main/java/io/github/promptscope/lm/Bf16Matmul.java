package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.InputStream;

/**
 * Matrix multiplies in bfloat16 through a TorchScript module ({@code bf16_linear.pt}, made by
 * {@code environment/make_bf16_linear.py}), the one route to bfloat16 arithmetic from DJL: its
 * PyTorch JNI maps no bfloat16 dtype and aborts the JVM on any BFLOAT16 NDArray, so Java only
 * ever passes and receives float32. The module keeps a bfloat16 copy of each weight by name (made
 * by {@link #keep}, once, at load time, so later calls only read and may come from several
 * threads) and returns {@code linear(x.bf16, w.bf16).float32}: products rounded to bfloat16, sums
 * accumulated in float32 by oneDNN.
 */
final class Bf16Matmul implements AutoCloseable {

    static final String RESOURCE = "bf16_linear.pt";

    /**
     * Set while a pass that needs gradients runs on this thread. The module runs in inference mode
     * (no autograd), so such passes (AutoPrompt's token swaps, soft prompts) multiply in float32 and
     * get float32's gradients. A flag, not a look at the input: DJL's requiresGrad says false for a
     * non-leaf tensor inside a graph, and asking for its grad_fn names can abort the JVM.
     */
    private static final ThreadLocal<Boolean> FLOAT32_PASS = ThreadLocal.withInitial(() -> false);

    /** Multiplies in float32 on this thread until closed (nests: restores what it found). */
    static Float32Pass float32Pass() {
        boolean before = FLOAT32_PASS.get();
        FLOAT32_PASS.set(true);
        return () -> FLOAT32_PASS.set(before);
    }

    static boolean float32PassOnThisThread() {
        return FLOAT32_PASS.get();
    }

    /** The scope {@link #float32Pass} opens: an {@link AutoCloseable} without the checked exception. */
    interface Float32Pass extends AutoCloseable {
        @Override
        void close();
    }

    private final PtSymbolBlock module;

    private Bf16Matmul(PtSymbolBlock module) {
        this.module = module;
    }

    /** Loads the module shipped in the jar; an exception (never a JVM abort) when it cannot. */
    static Bf16Matmul load(NDManager manager) throws IOException {
        try (InputStream in = Bf16Matmul.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is not on the classpath (make it with environment/make_bf16_linear.py)");
            }
            PtSymbolBlock block = JniUtils.loadModule((PtNDManager) manager, in, true, false);
            JniUtils.enableInferenceMode(block);
            return new Bf16Matmul(block);
        }
    }

    /** Keeps {@code weight} ([out, in], PyTorch's layout) in bfloat16 under {@code name}. */
    void keep(String name, NDArray weight) {
        try (NDManager m = weight.getManager().newSubManager()) {
            NDArray empty = m.zeros(new Shape(0, weight.getShape().get(1)));
            linear(empty, weight, name);
        }
    }

    /**
     * {@code x @ w^T} [..., out] in bfloat16 with the weight kept under {@code name}; the result
     * lands in {@code x}'s manager. {@code weight} is only read on the first call with a name.
     */
    NDArray linear(NDArray x, NDArray weight, String name) {
        try (IValue ix = IValue.from((PtNDArray) x);
                IValue iw = IValue.from((PtNDArray) weight);
                IValue in = IValue.from(name);
                IValue out = module.forward(ix, iw, in)) {
            return out.toTensor((PtNDManager) x.getManager());
        }
    }

    @Override
    public void close() {
        module.close();
    }
}
