package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/** Small helpers shared by the scorers: the answer mask over logits, and id lists to arrays. */
final class Logits {

    private Logits() {
    }

    /** Logits outside {@code allowed} pushed to -1e10, as the reference's answer mask does; null keeps all. */
    static NDArray restrict(NDManager m, NDArray logits, long[] allowed) {
        if (allowed == null) {
            return logits;
        }
        float[] mask = new float[(int) logits.getShape().get(1)];
        java.util.Arrays.fill(mask, -1e10f);
        for (long id : allowed) {
            mask[(int) id] = 0;
        }
        return logits.add(m.create(mask));
    }

    static long[] toArray(List<Long> xs) {
        long[] a = new long[xs.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = xs.get(i);
        }
        return a;
    }
}
