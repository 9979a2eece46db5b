package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.promptscope.lm.checkpoint.ModelConfig;
import io.github.promptscope.lm.tokenizer.TokenIds;
import io.github.promptscope.util.Interrupts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Right-padded batches of sequences scored from a first target position on (see {@link LanguageModel#score}). */
final class ContinuationLogProbs {

    private ContinuationLogProbs() {
    }

    /**
     * For each sequence, ln p of every token from {@code firstTarget[b]} on, and whether it was the
     * most likely token, in one right-padded forward pass. Only the hidden states that predict a
     * target go through the LM head, which matters when the vocabulary is large.
     */
    static void targetLogProbs(Decoder decoder, NDManager weights, ModelConfig config, List<long[]> seqs, int[] firstTarget, long[] allowed, List<float[]> logProbsOut,
            List<boolean[]> argmaxOut) {
        int batch = seqs.size();
        PaddedBatch padded = PaddedBatch.of(seqs.toArray(long[][]::new));
        int len = padded.len();
        long[][] ids = padded.ids();
        long[][] positions = padded.positions();
        boolean[][] keyMask = padded.mask();
        List<Long> rowsToRead = new ArrayList<>();
        List<Long> targets = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            long[] s = seqs.get(b);
            for (int t = firstTarget[b]; t < s.length; t++) {
                rowsToRead.add((long) b * len + t - 1);
                targets.add(s[t]);
            }
        }
        if (targets.isEmpty()) {
            seqs.forEach(s -> {
                logProbsOut.add(new float[0]);
                argmaxOut.add(new boolean[0]);
            });
            return;
        }
        float[] flat;
        long[] best;
        try (NDManager m = weights.newSubManager()) {
            NDArray idArray = m.create(ids);
            NDArray hidden = decoder.hiddenForInference(decoder.embed(idArray), positions, keyMask, null);
            NDArray flatHidden = hidden.reshape(-1, config.hiddenSize());
            NDArray picked = Decoder.rows(flatHidden, m.create(Logits.toArray(rowsToRead)));
            NDArray logProbs = Logits.restrict(m, decoder.logits(picked), allowed).logSoftmax(-1);
            NDArray target = m.create(Logits.toArray(targets), new Shape(targets.size(), 1));
            flat = logProbs.gather(target, 1).toFloatArray();
            best = logProbs.argMax(1).toLongArray();
        }
        int k = 0;
        for (int b = 0; b < batch; b++) {
            int count = Math.max(0, seqs.get(b).length - firstTarget[b]);
            logProbsOut.add(Arrays.copyOfRange(flat, k, k + count));
            boolean[] hit = new boolean[count];
            for (int t = 0; t < count; t++) {
                hit[t] = best[k + t] == targets.get(k + t);
            }
            argmaxOut.add(hit);
            k += count;
        }
    }
}
