package io.github.promptscope.lm;

import io.github.promptscope.lm.checkpoint.ModelConfig;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;

/**
 * ln p of a few candidate tokens at chosen positions of one sequence, from one forward pass
 * ({@link LanguageModel#nextTokenLogProbs(long[], int[], long[])}): only the chosen rows reach the
 * LM head, and only the candidates' columns leave native memory.
 */
final class SlotLogProbs {

    private SlotLogProbs() {}

    static float[][] compute(Decoder decoder, NDManager weights, ModelConfig config, long[] ids, int[] positions,
            long[] candidates) {
        for (int p : positions) {
            if (p < 0 || p >= ids.length) {
                throw new IllegalArgumentException("position " + p + " is outside 0.." + (ids.length - 1));
            }
        }
        if (positions.length == 0 || candidates.length == 0) {
            return new float[positions.length][candidates.length];
        }
        try (NDManager m = weights.newSubManager()) {
            PaddedBatch batch = PaddedBatch.of(new long[][] {ids});
            NDArray hidden = decoder.hidden(decoder.embed(m.create(batch.ids())), batch.positions(), batch.mask(), null)
                    .reshape(-1, config.hiddenSize());
            long[] rows = new long[positions.length];
            long[][] picks = new long[positions.length][];
            for (int i = 0; i < positions.length; i++) {
                rows[i] = positions[i];
                picks[i] = candidates.clone();
            }
            NDArray logProbs = decoder.logits(Decoder.rows(hidden, m.create(rows))).logSoftmax(-1);
            float[] flat = logProbs.gather(m.create(picks), 1).toFloatArray();
            float[][] out = new float[positions.length][];
            for (int i = 0; i < positions.length; i++) {
                out[i] = Arrays.copyOfRange(flat, i * candidates.length, (i + 1) * candidates.length);
            }
            return out;
        }
    }
}
