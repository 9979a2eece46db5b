package io.github.promptscope.lm;

import io.github.promptscope.lm.checkpoint.CheckpointException;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.nio.file.Path;

/** The MLP nonlinearities named by {@code activation_function} / {@code hidden_act}. */
final class Nonlinearities {

    private Nonlinearities() {}

    private static final float SQRT_2_OVER_PI = (float) Math.sqrt(2.0 / Math.PI);

    static Nonlinearity byName(Path configFile, String name) {
        return switch (name) {
            // GPT-2's "gelu_new": the tanh approximation, not the erf form.
            case "gelu_new", "gelu_pytorch_tanh", "gelu_fast" -> GELU_TANH;
            case "gelu" -> Activation::gelu;
            case "relu" -> Activation::relu;
            case "silu", "swish" -> x -> x.mul(Activation.sigmoid(x));
            default -> throw new CheckpointException(
                    configFile, "activation '" + name + "' is not supported; supported: gelu_new, gelu, relu, silu");
        };
    }

    /** {@link #geluTanh}, and over its input where the caller owns it. */
    private static final Nonlinearity GELU_TANH = new Nonlinearity() {
        @Override
        public NDArray apply(NDArray x) {
            return geluTanh(x, false);
        }

        @Override
        public NDArray applyOwned(NDArray x) {
            return geluTanh(x, true);
        }
    };

    /**
     * {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}. Without a gradient it works in place on
     * three buffers (two live at once) instead of allocating eight [batch, pos, d_mlp] tensors: the same operations on the
     * same operands (IEEE addition and multiplication commute exactly), so the same floats. The
     * eight-tensor form took 45% of an iPrompt run's samples (JFR) and churned glibc's arenas.
     * With {@code overwrite} the last product goes into {@code x} itself (x * 0.5, then times the
     * gate, as before), one buffer fewer.
     * Where autograd records (a gradient collector is open, or x requires a gradient), backward
     * needs the intermediates unmodified, so it keeps them.
     */
    static NDArray geluTanh(NDArray x, boolean overwrite) {
        if (GradientMode.records(x)) {
            // constants through TorchScalars: autograd keeps them until backward
            NDArray inner = TorchScalars.mul(x.add(TorchScalars.mul(TorchScalars.pow(x, 3), 0.044715f)), SQRT_2_OVER_PI);
            return TorchScalars.mul(x, 0.5f).mul(TorchScalars.add(inner.tanh(), 1f));
        }
        NDArray inner = x.pow(3);
        inner.muli(0.044715f).addi(x).muli(SQRT_2_OVER_PI);
        NDArray gate = inner.tanh(); // DJL has no in-place tanh
        inner.close();
        gate.addi(1f);
        NDArray out = (overwrite ? x.muli(0.5f) : x.mul(0.5f)).muli(gate);
        gate.close();
        return out;
    }
}
