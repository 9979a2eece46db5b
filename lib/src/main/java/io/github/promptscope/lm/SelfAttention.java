package io.github.promptscope.lm;

import io.github.promptscope.lm.HookName.Point;

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
     * @param hooks sees the pattern [batch, head, pos, seen + pos] and z [batch, pos, head, head_dim]; null for none
     */
    NDArray apply(NDArray x, NDList rotary, NDArray mask, KvCache cache, int layer, HookRegistry hooks) {
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
        // the scale through TorchScalars: autograd keeps it until backward
        NDArray scores = TorchScalars.mul(query.matMul(key.transpose(0, 1, 3, 2)), scale).add(mask);
        NDArray pattern = HookRegistry.at(hooks, Point.ATTN_PATTERN, layer, scores.softmax(-1));
        NDArray context = pattern.matMul(value); // [batch, heads, pos, head_dim]
        NDArray z = HookRegistry.at(hooks, Point.ATTN_Z, layer, context.transpose(0, 2, 1, 3));
        return out.apply(z.reshape(batch, len, (long) heads * headDim));
    }

    private NDArray split(NDArray projected, int n) {
        long batch = projected.getShape().get(0);
        long len = projected.getShape().get(1);
        return projected.reshape(batch, len, n, headDim).transpose(0, 2, 1, 3);
    }
}
