package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Causal multi-head attention with grouped-query heads (GPT-2 is the case kv_heads == heads).
 */
final class SelfAttention {

    private final QkvProjection qkv;
    private final Linear out;
    private final int heads;
    private final int kvHeads;
    private final int headDim;
    private final float scale;

    SelfAttention(QkvProjection qkv, Linear out, int heads, int kvHeads, int headDim, float scale) {
        this.qkv = qkv;
        this.out = out;
        this.heads = heads;
        this.kvHeads = kvHeads;
        this.headDim = headDim;
        this.scale = scale;
    }

    /**
     * @param x [batch, pos, d_model]
     * @param rotary cos/sin tables, or null for learned positions
     * @param mask additive mask [batch, 1, pos, seen + pos]
     */
    NDArray apply(NDArray x, NDList rotary, NDArray mask, KvCache cache, int layer) {
        long batch = x.getShape().get(0);
        long len = x.getShape().get(1);
        NDArray[] projected = qkv.apply(x);
        NDArray query = split(projected[0], heads); // [batch, heads, pos, head_dim]
        NDArray key = split(projected[1], kvHeads); // [batch, kv_heads, pos, head_dim]
        NDArray value = split(projected[2], kvHeads);
        if (rotary != null) {
            query = RotaryEmbedding.apply(query, rotary);
            key = RotaryEmbedding.apply(key, rotary);
        }
        if (cache != null) {
            NDArray[] kv = cache.append(layer, key, value);
            key = kv[0];
            value = kv[1];
        }
        if (kvHeads != heads) {
            // each kv head serves a run of consecutive query heads, as repeat_kv in transformers
            key = key.repeat(1, heads / kvHeads);
            value = value.repeat(1, heads / kvHeads);
        }
        NDArray scores = query.matMul(key.transpose(0, 1, 3, 2)).mul(scale).add(mask);
        NDArray context = scores.softmax(-1).matMul(value); // [batch, heads, pos, head_dim]
        return out.apply(context.transpose(0, 2, 1, 3).reshape(batch, len, (long) heads * headDim));
    }

    private NDArray split(NDArray projected, int n) {
        long batch = projected.getShape().get(0);
        long len = projected.getShape().get(1);
        return projected.reshape(batch, len, n, headDim).transpose(0, 2, 1, 3);
    }
}
