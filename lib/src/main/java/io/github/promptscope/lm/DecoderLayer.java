package io.github.promptscope.lm;

import static io.github.promptscope.lm.HookRegistry.at;

import io.github.promptscope.lm.HookName.Point;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** One pre-norm block: {@code x + attn(norm1(x))}, then {@code + mlp(norm2(x))}. */
record DecoderLayer(Norm attnNorm, SelfAttention attention, Norm mlpNorm, Mlp mlp) {

    /** The block's output [batch, pos, d_model]; {@code hooks} (null for none) sees each named point. */
    NDArray apply(NDArray x, NDList rotary, NDArray mask, KvCache cache, int index, HookRegistry hooks) {
        return feedForward(attend(x, rotary, mask, cache, index, hooks), index, hooks);
    }

    /** The attention half: {@code x + attn(norm1(x))}, every position (each is a key of the others). */
    NDArray attend(NDArray x, NDList rotary, NDArray mask, KvCache cache, int index, HookRegistry hooks) {
        NDArray pre = at(hooks, Point.RESID_PRE, index, x);
        NDArray attnOut = at(hooks, Point.ATTN_OUT, index, attention.apply(attnNorm.apply(pre), rotary, mask, cache, index, hooks));
        return at(hooks, Point.RESID_MID, index, pre.add(attnOut));
    }

    /** The MLP half, {@code mid + mlp(norm2(mid))}: position by position, so any subset of rows may go alone. */
    NDArray feedForward(NDArray mid, int index, HookRegistry hooks) {
        NDArray mlpOut = at(hooks, Point.MLP_OUT, index, mlp.apply(mlpNorm.apply(mid), index, hooks));
        return at(hooks, Point.RESID_POST, index, mid.add(mlpOut));
    }
}
