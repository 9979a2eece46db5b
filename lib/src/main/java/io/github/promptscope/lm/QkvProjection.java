package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** Projects hidden states to queries, keys and values: one fused matrix (GPT-2) or three (Llama). */
interface QkvProjection {

    /** Returns {q [.., heads*head_dim], k [.., kv_heads*head_dim], v [.., kv_heads*head_dim]}. */
    NDArray[] apply(NDArray x);

    static QkvProjection fused(Linear qkv, long qWidth, long kvWidth) {
        return x -> {
            NDArray y = qkv.apply(x);
            NDList parts = y.split(new long[] {qWidth, qWidth + kvWidth}, y.getShape().dimension() - 1);
            return new NDArray[] {parts.get(0), parts.get(1), parts.get(2)};
        };
    }

    static QkvProjection separate(Linear q, Linear k, Linear v) {
        return x -> new NDArray[] {q.apply(x), k.apply(x), v.apply(x)};
    }
}
