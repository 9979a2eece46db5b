package io.github.promptscope.lm;

import io.github.promptscope.lm.HookName.Point;
import io.github.promptscope.lm.checkpoint.ModelConfig;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import java.util.List;
import java.util.Map;

/**
 * The decoder stack shared by GPT-2 and Llama: embeddings, pre-norm blocks, final norm, LM head.
 * The two families differ only in the parts they plug in (norm, MLP, positions), which the
 * {@link Gpt2Loader} and {@link LlamaLoader} choose.
 *
 * <p>Every result lands in the manager of the activations passed in, never in the weights'
 * manager, so a caller that closes its own manager frees everything a pass made.
 */
final class Decoder {

    /** Far below any real score, yet finite: a fully masked (padding) row stays free of NaN. */
    private static final float MASKED = -1e9f;

    final ModelConfig config;
    final NDArray tokenEmbedding; // [vocab, d_model]
    private final NDArray positionEmbedding; // [positions, d_model], null with rotary
    private final RotaryEmbedding rotary; // null with learned positions
    final List<DecoderLayer> layers;
    private final Norm finalNorm;
    final NDArray lmHead; // [vocab, d_model]
    private final Linear head; // lmHead as a projection: float32, or bfloat16 through the module
    /** Every tensor by checkpoint name (prefix dropped): what training updates and saving writes. */
    final Map<String, NDArray> parameters;

    Decoder(ModelConfig config, NDArray tokenEmbedding, NDArray positionEmbedding, RotaryEmbedding rotary,
            List<DecoderLayer> layers, Norm finalNorm, Linear head, Map<String, NDArray> parameters) {
        this.parameters = parameters;
        this.config = config;
        this.tokenEmbedding = tokenEmbedding;
        this.positionEmbedding = positionEmbedding;
        this.rotary = rotary;
        this.layers = layers;
        this.finalNorm = finalNorm;
        this.lmHead = head.weight();
        this.head = head;
    }

    /** Token ids [batch, pos] (int64) to input embeddings [batch, pos, d_model] in the ids' manager. */
    NDArray embed(NDArray ids) {
        return rows(tokenEmbedding, ids);
    }

    /** {@code table[index]} with the result owned by the index's manager. */
    static NDArray rows(NDArray table, NDArray index) {
        return index.getNDArrayInternal().embedding(index, table, SparseFormat.DENSE).singletonOrThrow();
    }

    /**
     * Next-token log-probabilities [batch * pos, vocab] for rows of equal length with no padding
     * (training batches, one text), positions counted from 0.
     */
    NDArray nextTokenLogProbs(NDManager m, long[][] ids) {
        PaddedBatch batch = PaddedBatch.of(ids);
        NDArray hidden = hidden(embed(m.create(batch.ids())), batch.positions(), batch.mask(), null);
        return logits(hidden).reshape(-1, config.vocabSize()).logSoftmax(-1);
    }

    /** The final-norm hidden states [batch, pos, d_model] of a pass with no hooks; see below. */
    NDArray hidden(NDArray embeds, long[][] positions, boolean[][] keyMask, KvCache cache) {
        return hidden(embeds, positions, keyMask, cache, null);
    }

    /**
     * The final-norm hidden states [batch, pos, d_model].
     *
     * @param positions absolute position of each new token, [batch][pos]
     * @param keyMask which of the cached and new tokens are real (not padding), [batch][seen + pos]
     * @param cache keys and values of earlier tokens, extended in place; null for a single pass
     * @param hooks this call's hooks and cache requests ({@link HookName.Point} names the points); null for none
     */
    NDArray hidden(NDArray embeds, long[][] positions, boolean[][] keyMask, KvCache cache, HookRegistry hooks) {
        return hidden(embeds, positions, keyMask, cache, hooks, false, null);
    }

    /**
     * {@link #hidden(NDArray, long[][], boolean[][], KvCache)} for inference (no gradient, no hooks),
     * freeing each layer's intermediates, and {@code embeds}, as soon as the next layer has its input.
     * The values are the same; what changes is that a pass holds one layer's activations at a time
     * instead of every layer's until the caller's manager closes: with a chunk of 256 scored rows
     * those held hundreds of MB, and glibc's arenas kept the high-water mark resident.
     */
    NDArray hiddenForInference(NDArray embeds, long[][] positions, boolean[][] keyMask, KvCache cache) {
        return hidden(embeds, positions, keyMask, cache, null, true, null);
    }

    /**
     * {@link #hiddenForInference} at the given rows of the flattened [batch * pos] positions only,
     * [rows, d_model]: the same floats as picking them from the full result. Every position is a key
     * for the others up to the last block's attention, but after it a position matters only if it is
     * read, so the last block's MLP (the largest multiplies and the whole GELU) and the final norm run
     * on those rows alone. Scoring reads the few positions that predict an output token.
     */
    NDArray hiddenAtRows(NDArray embeds, long[][] positions, boolean[][] keyMask, KvCache cache, long[] rows) {
        return hidden(embeds, positions, keyMask, cache, null, true, rows);
    }

    private NDArray hidden(NDArray embeds, long[][] positions, boolean[][] keyMask, KvCache cache, HookRegistry hooks,
            boolean freeEachLayer, long[] lastRows) {
        NDManager m = embeds.getManager();
        long seen = cache == null ? 0 : cache.length();
        checkPositions(positions);
        NDArray x = HookRegistry.at(hooks, Point.EMBED, -1, embeds);
        if (positionEmbedding != null) {
            x = x.add(HookRegistry.at(hooks, Point.POS_EMBED, -1, rows(positionEmbedding, m.create(positions))));
        }
        NDList tables = rotary == null ? null : rotary.tables(m, positions);
        NDArray mask = causalMask(m, positions.length, positions[0].length, seen, keyMask);
        for (int i = 0; i < layers.size(); i++) {
            if (!freeEachLayer) {
                x = layers.get(i).apply(x, tables, mask, cache, i, hooks);
                continue;
            }
            // the layer's results land in its input's manager: a scope closed once the output is kept
            // (keys and values the layer caches are attached to the cache's own manager)
            try (NDManager scope = m.newSubManager()) {
                if (x != embeds) {
                    x.attach(scope);
                } else {
                    embeds.tempAttach(scope);
                }
                DecoderLayer layer = layers.get(i);
                NDArray out = lastRows != null && i == layers.size() - 1
                        ? layer.feedForward(rows(layer.attend(x, tables, mask, cache, i, null).reshape(-1, config.hiddenSize()),
                                scope.create(lastRows)), i, null)
                        : feedForwardInBlocks(layer, layer.attend(x, tables, mask, cache, i, null), i);
                out.attach(m);
                x = out;
            }
        }
        // transformers applies the final norm to the last hidden state too
        return HookRegistry.at(hooks, Point.LN_FINAL, -1, finalNorm.apply(x));
    }

    /** Floats of the MLP's widest activation ([positions, d_mlp]) one block of {@link #feedForwardInBlocks} makes: 4 MB. */
    private static final long MLP_BLOCK_FLOATS = 1L << 20;

    /** Positions one block of {@link #feedForwardInBlocks} takes: 341 at GPT-2 small's 3,072-wide MLP. */
    static int mlpBlockPositions(ModelConfig c) {
        return (int) Math.max(1, MLP_BLOCK_FLOATS / c.intermediateSize());
    }

    /**
     * The MLP half of a block ({@link DecoderLayer#feedForward}) over blocks of positions, each block's
     * intermediates freed before the next: position by position, so the same floats as one call, but
     * the widest activation stays a few MB. A whole scoring pass at GPT-2 small's width made it 27 MB:
     * in a profile of that pass the MLP's bias add and activation over it took 28% of the time (the
     * multiplies 65%), the same add over the 7 MB [positions, d_model] under 1%. Buffers that large
     * most likely came as fresh pages each time (few fit glibc's 64 MB arena heaps, so they are mapped
     * and unmapped). Measured only together with a one-kernel GELU that was then withdrawn (README,
     * "Benchmark"), so this change's own share of that pass's 1.33x is not known.
     */
    private NDArray feedForwardInBlocks(DecoderLayer layer, NDArray mid, int index) {
        int d = config.hiddenSize();
        long positions = mid.size() / d;
        long block = mlpBlockPositions(config);
        if (positions <= block) {
            return layer.feedForward(mid, index, null);
        }
        NDManager m = mid.getManager();
        NDArray flat = mid.reshape(positions, d);
        NDList parts = new NDList();
        for (long from = 0; from < positions; from += block) {
            try (NDManager scope = m.newSubManager()) {
                NDArray rows = flat.get(from + ":" + Math.min(positions, from + block)); // a view
                rows.attach(scope); // so the block's intermediates land in the scope
                NDArray out = layer.feedForward(rows, index, null);
                out.attach(m);
                parts.add(out);
            }
        }
        return NDArrays.concat(parts).reshape(mid.getShape());
    }

    /** Vocabulary logits for hidden states [..., d_model], float32 (log-softmax follows in float32). */
    NDArray logits(NDArray hidden) {
        return head.apply(hidden);
    }

    private void checkPositions(long[][] positions) {
        for (long[] row : positions) {
            for (long p : row) {
                if (positionEmbedding != null && p >= config.maxPositions()) {
                    throw new IllegalArgumentException("sequence is longer than the model's " + config.maxPositions()
                            + " positions (n_positions in " + config.file() + ")");
                }
            }
        }
    }

    private static NDArray causalMask(NDManager m, int batch, int len, long seen, boolean[][] keyMask) {
        int total = (int) (seen + len);
        float[] mask = new float[batch * len * total];
        for (int b = 0; b < batch; b++) {
            if (keyMask[b].length != total) {
                throw new IllegalStateException("key mask covers " + keyMask[b].length + " tokens, expected " + total);
            }
            for (int t = 0; t < len; t++) {
                int base = (b * len + t) * total;
                long slot = seen + t;
                for (int j = 0; j < total; j++) {
                    if (j > slot || !keyMask[b][j]) {
                        mask[base + j] = MASKED;
                    }
                }
            }
        }
        return m.create(mask, new Shape(batch, 1, len, total));
    }
}
