package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Input embeddings [batch, len, d_model] for {@link SoftSequence}s, right-padded with token 0
 * (masked), the soft positions taken from {@code rows} [1, K, d_model] so gradients flow back to it.
 *
 * <p>When every sequence has the same soft row in the same column (a prompt before the inputs, as
 * AutoPrompt uses it) the batch is cut into column blocks: token blocks embedded as one [batch, w]
 * id matrix, soft blocks as a slice of {@code rows} repeated over the batch, joined left to right.
 * That is the very op sequence AutoPrompt ran before this class existed, so its gradients, and the
 * committed sweep's prompts, are reproduced bit for bit. Otherwise each sequence is built alone and
 * the results stacked.
 */
final class SoftEmbeddings {

    private SoftEmbeddings() {}

    static NDArray build(Decoder decoder, NDArray rows, List<SoftSequence> seqs, int len) {
        if (aligned(seqs, len)) {
            return blocks(decoder, rows, seqs, len);
        }
        NDArray out = null;
        for (SoftSequence s : seqs) {
            NDArray one = blocks(decoder, rows, List.of(s), len);
            out = out == null ? one : out.concat(one, 0);
        }
        return out;
    }

    /** Soft row at column {@code t} of {@code s}, -1 for a token or padding. */
    private static int rowAt(SoftSequence s, int t) {
        return t < s.length() ? s.softRow()[t] : -1;
    }

    private static boolean aligned(List<SoftSequence> seqs, int len) {
        for (int t = 0; t < len; t++) {
            int r = rowAt(seqs.get(0), t);
            for (SoftSequence s : seqs) {
                if (rowAt(s, t) != r) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Column blocks of an aligned batch, concatenated pairwise left to right. */
    private static NDArray blocks(Decoder decoder, NDArray rows, List<SoftSequence> seqs, int len) {
        NDManager m = rows.getManager();
        SoftSequence first = seqs.get(0);
        int b = seqs.size();
        long k = rows.getShape().get(1);
        List<NDArray> parts = new ArrayList<>();
        int t = 0;
        while (t < len) {
            int start = t;
            int r = rowAt(first, t);
            if (r < 0) {
                while (t < len && rowAt(first, t) < 0) {
                    t++;
                }
                long[][] ids = new long[b][t - start];
                for (int i = 0; i < b; i++) {
                    SoftSequence s = seqs.get(i);
                    for (int c = start; c < t; c++) {
                        ids[i][c - start] = c < s.length() ? s.ids()[c] : 0;
                    }
                }
                parts.add(decoder.embed(m.create(ids)));
            } else {
                // a run of consecutive rows r, r + 1, ...
                while (t < len && rowAt(first, t) == r + (t - start)) {
                    t++;
                }
                if (r + (t - start) > k) {
                    throw new IllegalArgumentException("soft row " + (r + t - start - 1) + " used but only " + k + " given");
                }
                // all rows in order: the leaf itself, as AutoPrompt used it; otherwise a slice
                NDArray block = r == 0 && t - start == k ? rows : rows.get(":, " + r + ":" + (r + t - start) + ", :");
                parts.add(b == 1 ? block : block.repeat(0, b));
            }
        }
        NDArray x = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            x = x.concat(parts.get(i), 1);
        }
        return x;
    }
}
