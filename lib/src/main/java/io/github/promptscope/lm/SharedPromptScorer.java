package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.promptscope.lm.tokenizer.TokenIds;
import io.github.promptscope.util.Interrupts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The inner loop of prompt search: every example's target scored under every prompt, the
 * sequences being {@code [prompt][context][target]}. Each prompt's keys and values are computed
 * once and shared by all its examples; only positions that predict a target reach the last block's
 * MLP and the LM head.
 */
final class SharedPromptScorer {

    private final Decoder decoder;
    private final NDManager weights;

    SharedPromptScorer(Decoder decoder, NDManager weights) {
        this.decoder = decoder;
        this.weights = weights;
    }

    /**
     * Rows (prompt x example) one forward pass of {@link #score} takes at most. The pass's activations
     * go through glibc malloc, which keeps its high-water mark resident: with 256 rows {@code explain
     * --steps 6} on the default model peaked at 524 MB, with 128 at 402 MB, for the same CPU time
     * (RELIABILITY.md, "Memory and load").
     */
    static final int PROMPT_SCORE_ROWS = 128;

    /** Prompts one pass scores together: as many as keep it within {@link #PROMPT_SCORE_ROWS} rows, at least one. */
    static int promptsPerPass(int examples) {
        return Math.max(1, PROMPT_SCORE_ROWS / examples);
    }

    PromptScores score(List<long[]> prompts, List<long[]> contexts, List<long[]> targets, long[] allowedTargets) {
        if (contexts.size() != targets.size() || contexts.isEmpty()) {
            throw new IllegalArgumentException("contexts (" + contexts.size() + ") and targets (" + targets.size()
                    + ") must be non-empty lists of equal length");
        }
        int examples = contexts.size();
        int[] targetTokens = new int[examples];
        for (int i = 0; i < examples; i++) {
            if (contexts.get(i).length == 0) {
                throw new IllegalArgumentException("context " + i + " is empty; the first target token needs one");
            }
            targetTokens[i] = targets.get(i).length;
        }
        float[][] logProbs = new float[prompts.size()][];
        boolean[][] greedy = new boolean[prompts.size()][];
        java.util.Map<Integer, List<Integer>> byLength = new java.util.TreeMap<>();
        for (int p = 0; p < prompts.size(); p++) {
            byLength.computeIfAbsent(prompts.get(p).length, k -> new ArrayList<>()).add(p);
        }
        int perChunk = promptsPerPass(examples);
        for (List<Integer> group : byLength.values()) {
            for (int from = 0; from < group.size(); from += perChunk) {
                Interrupts.check();
                List<Integer> chunk = group.subList(from, Math.min(group.size(), from + perChunk));
                scorePromptChunk(chunk, prompts, contexts, targets, allowedTargets, logProbs, greedy);
            }
        }
        return new PromptScores(logProbs, greedy, targetTokens);
    }

    private void scorePromptChunk(List<Integer> chunk, List<long[]> prompts, List<long[]> contexts,
            List<long[]> targets, long[] allowed, float[][] logProbsOut, boolean[][] greedyOut) {
        int c = chunk.size();
        int b = contexts.size();
        int n = prompts.get(chunk.get(0)).length;
        int len = 0;
        for (int i = 0; i < b; i++) {
            len = Math.max(len, contexts.get(i).length + targets.get(i).length);
        }
        long[][] suffix = new long[c * b][len];
        long[][] positions = new long[c * b][len];
        boolean[][] keyMask = new boolean[c * b][n + len];
        List<Long> readRows = new ArrayList<>();
        List<Long> wanted = new ArrayList<>();
        for (int p = 0; p < c; p++) {
            for (int i = 0; i < b; i++) {
                int r = p * b + i;
                long[] seq = TokenIds.concat(contexts.get(i), targets.get(i));
                for (int t = 0; t < len; t++) {
                    suffix[r][t] = t < seq.length ? seq[t] : 0;
                    positions[r][t] = n + t;
                    keyMask[r][n + t] = t < seq.length;
                }
                java.util.Arrays.fill(keyMask[r], 0, n, true);
                int ctx = contexts.get(i).length;
                for (int t = 0; t < targets.get(i).length; t++) {
                    readRows.add((long) r * len + ctx + t - 1);
                    wanted.add(targets.get(i)[t]);
                }
            }
        }
        float[] flat;
        long[] best;
        try (NDManager m = weights.newSubManager()) {
            long[][] promptIds = new long[c][];
            long[][] promptPos = new long[c][n];
            boolean[][] promptMask = new boolean[c][n];
            for (int p = 0; p < c; p++) {
                promptIds[p] = prompts.get(chunk.get(p));
                for (int t = 0; t < n; t++) {
                    promptPos[p][t] = t;
                    promptMask[p][t] = true;
                }
            }
            KvCache cache = new KvCache(m, decoder.layers.size());
            if (n > 0) {
                decoder.hiddenForInference(decoder.embed(m.create(promptIds)), promptPos, promptMask, cache);
                cache.repeatEachRow(b);
            }
            // only the positions that predict a target go through the last block's MLP and the head
            NDArray picked = decoder.hiddenAtRows(decoder.embed(m.create(suffix)), positions,
                    n > 0 ? keyMask : suffixOnly(keyMask, n), n > 0 ? cache : null, Logits.toArray(readRows));
            NDArray logProbs = Logits.restrict(m, decoder.logits(picked), allowed).logSoftmax(-1);
            flat = logProbs.gather(m.create(Logits.toArray(wanted), new Shape(wanted.size(), 1)), 1).toFloatArray();
            best = logProbs.argMax(1).toLongArray();
        }
        NativeMemory.releaseFreed();
        int k = 0;
        for (int p = 0; p < c; p++) {
            float[] lp = new float[b];
            boolean[] ok = new boolean[b];
            for (int i = 0; i < b; i++) {
                ok[i] = true;
                for (int t = 0; t < targets.get(i).length; t++, k++) {
                    lp[i] += flat[k];
                    ok[i] &= best[k] == wanted.get(k);
                }
            }
            logProbsOut[chunk.get(p)] = lp;
            greedyOut[chunk.get(p)] = ok;
        }
    }

    private static boolean[][] suffixOnly(boolean[][] mask, int n) {
        boolean[][] out = new boolean[mask.length][];
        for (int r = 0; r < mask.length; r++) {
            out[r] = java.util.Arrays.copyOfRange(mask[r], n, mask[r].length);
        }
        return out;
    }
}
