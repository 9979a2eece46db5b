package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Keys and values of every layer for the tokens seen so far, [batch, kv_heads, seen, head_dim],
 * stored after rotary and before grouped-query repetition (the smallest form).
 *
 * <p>The cache owns its arrays through {@code owner}: each append frees the previous, shorter
 * arrays at once, so a long generation holds one copy, not one per step.
 */
final class KvCache {

    private final NDManager owner;
    private final NDArray[] keys;
    private final NDArray[] values;

    KvCache(NDManager owner, int layers) {
        this.owner = owner;
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
    }

    /** Number of positions already cached. */
    long length() {
        return keys[0] == null ? 0 : keys[0].getShape().get(2);
    }

    /** Appends this step's keys and values for {@code layer}; returns the full ones. */
    NDArray[] append(int layer, NDArray k, NDArray v) {
        keys[layer] = merge(keys[layer], k);
        values[layer] = merge(values[layer], v);
        return new NDArray[] {keys[layer], values[layer]};
    }

    /**
     * Repeats each cached row {@code times} times in place (row r becomes rows r*times .. r*times+times-1),
     * so one prompt's keys and values serve a batch of continuations without being recomputed.
     */
    void repeatEachRow(int times) {
        for (int l = 0; l < keys.length; l++) {
            keys[l] = replace(keys[l], keys[l].repeat(0, times));
            values[l] = replace(values[l], values[l].repeat(0, times));
        }
    }

    /**
     * Replaces the rows by {@code rows[i]}-th ones, in place (a copy, row for row, so the values are
     * exactly the old ones): a few prompts' keys and values serve every row that continues them.
     */
    void selectRows(long[] rows) {
        for (int l = 0; l < keys.length; l++) {
            keys[l] = replace(keys[l], pick(keys[l], rows));
            values[l] = replace(values[l], pick(values[l], rows));
        }
    }

    private NDArray pick(NDArray cached, long[] rows) {
        Shape shape = cached.getShape();
        try (NDArray flat = cached.reshape(shape.get(0), -1); NDArray index = cached.getManager().create(rows)) {
            return Decoder.rows(flat, index).reshape(new Shape(rows.length).addAll(shape.slice(1)));
        }
    }

    private NDArray replace(NDArray old, NDArray fresh) {
        fresh.attach(owner);
        old.close();
        return fresh;
    }

    private NDArray merge(NDArray previous, NDArray fresh) {
        NDArray merged = previous == null ? fresh : previous.concat(fresh, 2);
        merged.attach(owner);
        if (previous != null) {
            previous.close();
        }
        return merged;
    }
}
