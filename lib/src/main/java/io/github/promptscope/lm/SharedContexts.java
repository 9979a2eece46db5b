package io.github.promptscope.lm;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows that continue the same context: iPrompt draws a step's samples and mutations from its 16
 * proposal contexts, so most contexts start several rows. Each distinct context is run through the
 * model once and its keys and values are copied to every row that starts with it. The batch keeps
 * the layout plain generation uses (rows left-padded to the longest context), so each row's
 * computation is the same row-wise arithmetic on the same values ({@code SharedContextGenerationTest}
 * checks the tokens are identical).
 */
final class SharedContexts {

    private final int[] distinctOf; // row -> index of its context among the distinct ones
    private final int[] firstRow; // distinct context -> the first row that has it

    private SharedContexts(int[] distinctOf, int[] firstRow) {
        this.distinctOf = distinctOf;
        this.firstRow = firstRow;
    }

    static SharedContexts of(List<long[]> contexts) {
        Map<List<Long>, Integer> seen = new HashMap<>();
        int[] distinctOf = new int[contexts.size()];
        int[] first = new int[contexts.size()];
        for (int i = 0; i < contexts.size(); i++) {
            List<Long> key = Arrays.stream(contexts.get(i)).boxed().toList();
            Integer d = seen.get(key);
            if (d == null) {
                d = seen.size();
                seen.put(key, d);
                first[d] = i;
            }
            distinctOf[i] = d;
        }
        return new SharedContexts(distinctOf, Arrays.copyOf(first, seen.size()));
    }

    int distinct() {
        return firstRow.length;
    }

    /**
     * Fills {@code cache} with the first {@code promptLen} columns (the contexts) of every row and
     * returns each row's logits for its first new token.
     *
     * @param step runs columns [from, end) of the given rows with a cache and returns the last column's logits
     */
    float[][] prefill(long[][] ids, long[][] pos, boolean[][] real, int promptLen, KvCache cache, Step step) {
        int u = firstRow.length;
        long[][] uIds = new long[u][];
        long[][] uPos = new long[u][];
        boolean[][] uReal = new boolean[u][];
        for (int d = 0; d < u; d++) {
            uIds[d] = ids[firstRow[d]];
            uPos[d] = pos[firstRow[d]];
            uReal[d] = real[firstRow[d]];
        }
        float[][] contextLogits = step.run(uIds, uPos, uReal, 0, promptLen, cache);
        long[] rows = new long[distinctOf.length];
        float[][] out = new float[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = distinctOf[r];
            out[r] = contextLogits[distinctOf[r]].clone();
        }
        cache.selectRows(rows);
        return out;
    }

    /** One cached forward step of the generator. */
    interface Step {
        float[][] run(long[][] ids, long[][] pos, boolean[][] real, int from, int end, KvCache cache);
    }
}
