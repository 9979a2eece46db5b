package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.function.Consumer;

/** One pre-norm block: {@code x + attn(norm1(x))}, then {@code + mlp(norm2(x))}. */
record DecoderLayer(Norm attnNorm, SelfAttention attention, Norm mlpNorm, Mlp mlp) {

    NDArray apply(NDArray x, NDList rotary, NDArray mask, KvCache cache, int index, Consumer<NDArray> mlpTap) {
        NDArray h = x.add(attention.apply(attnNorm.apply(x), rotary, mask, cache, index));
        return h.add(mlp.apply(mlpNorm.apply(h), mlpTap));
    }
}
