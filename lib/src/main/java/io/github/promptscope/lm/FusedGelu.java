package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * GPT-2's tanh-GELU as PyTorch's one-pass kernel ({@code gelu(x, approximate="tanh")}), through a
 * TorchScript module ({@code gelu_tanh.pt}, made by {@code environment/make_gelu_tanh.py}): DJL
 * exposes only the erf GELU, and the tanh form spelled out in DJL calls makes eight passes over the
 * MLP's widest activation, which at GPT-2 small's width cost more than a tenth of the scoring loop.
 * The kernel evaluates the same expression in the same order on the same vector instructions
 * ({@code FusedGeluTest} checks it against the spelled-out form).
 *
 * <p>The module is stateless and loaded once per process on a manager that lives as long. Calls
 * run without autograd (DJL's inference forward), so this is for inference only.
 */
final class FusedGelu {

    static final String RESOURCE = "gelu_tanh.pt";

    private FusedGelu() {}

    /** The activation of {@code x}, in {@code x}'s manager. */
    static NDArray apply(NDArray x) {
        try (IValue in = IValue.from((PtNDArray) x); IValue out = Module.INSTANCE.forward(in)) {
            return out.toTensor((PtNDManager) x.getManager());
        }
    }

    /** Loaded on first use (the holder idiom: once, thread-safe). */
    private static final class Module {
        static final PtSymbolBlock INSTANCE = load();

        private static PtSymbolBlock load() {
            try (InputStream in = FusedGelu.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the classpath (make it with environment/make_gelu_tanh.py)");
                }
                PtNDManager owner = (PtNDManager) Engines.pytorch().newBaseManager(); // lives as long as the process
                PtSymbolBlock block = JniUtils.loadModule(owner, in, true, false);
                JniUtils.enableInferenceMode(block);
                return block;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
            }
        }
    }
}
