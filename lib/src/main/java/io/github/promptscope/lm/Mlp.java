package io.github.promptscope.lm;

import static io.github.promptscope.lm.HookRegistry.at;

import io.github.promptscope.lm.HookName.Point;

import ai.djl.ndarray.NDArray;
import java.util.function.UnaryOperator;

/**
 * The feed-forward half of a block. Its hook points: {@code mlp.hook_pre} (the pre-activation),
 * Llama's {@code mlp.hook_pre_linear}, and {@code mlp.hook_post}, the activations that feed the
 * output projection ([batch, pos, d_mlp]): the per-neuron values that neuron explanations read.
 */
interface Mlp {

    /** @param hooks this call's hooks, null for none */
    NDArray apply(NDArray x, int layer, HookRegistry hooks);

    /** GPT-2: {@code c_proj(act(c_fc(x)))}. */
    static Mlp dense(Linear up, Nonlinearity act, Linear down) {
        return (x, layer, hooks) -> {
            NDArray pre = at(hooks, Point.MLP_PRE, layer, up.apply(x)); // [batch, pos, d_mlp]
            // with no hooks nothing but this call sees the fresh pre-activation, so the activation may overwrite it
            NDArray post = at(hooks, Point.MLP_POST, layer, hooks == null ? act.applyOwned(pre) : act.apply(pre));
            return down.apply(post);
        };
    }

    /** Llama: {@code down(act(gate(x)) * up(x))}; hook_pre is the gate before the activation. */
    static Mlp gated(Linear gate, Linear up, UnaryOperator<NDArray> act, Linear down) {
        return (x, layer, hooks) -> {
            NDArray pre = at(hooks, Point.MLP_PRE, layer, gate.apply(x)); // [batch, pos, d_mlp]
            NDArray linear = at(hooks, Point.MLP_PRE_LINEAR, layer, up.apply(x));
            NDArray post = at(hooks, Point.MLP_POST, layer, act.apply(pre).mul(linear));
            return down.apply(post);
        };
    }
}
