package io.github.promptscope.lm;

import io.github.promptscope.lm.checkpoint.CheckpointException;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** The MLP nonlinearities named by {@code activation_function} / {@code hidden_act}. */
final class Nonlinearities {

    private Nonlinearities() {}

    private static final float SQRT_2_OVER_PI = (float) Math.sqrt(2.0 / Math.PI);

    static UnaryOperator<NDArray> byName(Path configFile, String name) {
        return switch (name) {
            // GPT-2's "gelu_new": the tanh approximation, not the erf form.
            case "gelu_new", "gelu_pytorch_tanh", "gelu_fast" -> Nonlinearities::geluTanh;
            case "gelu" -> Activation::gelu;
            case "relu" -> Activation::relu;
            case "silu", "swish" -> x -> x.mul(Activation.sigmoid(x));
            default -> throw new CheckpointException(
                    configFile, "activation '" + name + "' is not supported; supported: gelu_new, gelu, relu, silu");
        };
    }

    static NDArray geluTanh(NDArray x) {
        NDArray inner = x.add(x.pow(3).mul(0.044715f)).mul(SQRT_2_OVER_PI);
        return x.mul(0.5f).mul(inner.tanh().add(1f));
    }
}
