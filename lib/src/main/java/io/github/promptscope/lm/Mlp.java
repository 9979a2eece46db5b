package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The feed-forward half of a block. {@code tap} receives the activations that feed the output
 * projection ([batch, pos, d_mlp]): the per-neuron values that neuron explanations read.
 */
interface Mlp {

    NDArray apply(NDArray x, Consumer<NDArray> tap);

    /** GPT-2: {@code c_proj(act(c_fc(x)))}. */
    static Mlp dense(Linear up, UnaryOperator<NDArray> act, Linear down) {
        return (x, tap) -> {
            NDArray hidden = act.apply(up.apply(x)); // [batch, pos, d_mlp]
            tap.accept(hidden);
            return down.apply(hidden);
        };
    }

    /** Llama: {@code down(act(gate(x)) * up(x))}. */
    static Mlp gated(Linear gate, Linear up, UnaryOperator<NDArray> act, Linear down) {
        return (x, tap) -> {
            NDArray hidden = act.apply(gate.apply(x)).mul(up.apply(x)); // [batch, pos, d_mlp]
            tap.accept(hidden);
            return down.apply(hidden);
        };
    }
}
