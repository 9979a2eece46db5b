package io.github.promptscope.lm;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows that continue the same context: prompt i is {@code contexts[i] + keeps[i]}, and iPrompt
 * draws its samples from a step's 16 proposal contexts, so most contexts start several rows. Each
 * distinct context is run through the model once; its keys and values are copied to every row
 * that starts with it, and only the kept tokens ({@code keeps}, all of one length) are run per row.
 * The batch keeps the layout plain generation uses (rows left-padded to the longest prompt), so
 * each row's computation is the same row-wise arithmetic on the same values
 * ({@code GenerationTest} checks the tokens and the logits are identical).
 */
final class SharedContexts {

    private final int[] distinctOf; // row -> index of its context among the distinct ones
    private final int[] firstRow; // distinct context -> the first row that has it
    private final int keepLength;

    private SharedContexts(int[] distinctOf, int[] firstRow, int keepLength) {
        this.distinctOf = distinctOf;
        this.firstRow = firstRow;
        this.keepLength = keepLength;
    }

    /** The sharing for these rows, or null when the kept parts differ in length (then plain generation runs). */
    static SharedContexts of(List<long[]> contexts, List<long[]> keeps) {
        if (contexts.size() != keeps.size()) {
            throw new IllegalArgumentException(contexts.size() + " contexts but " + keeps.size() + " kept parts");
        }
        int t = keeps.isEmpty() ? 0 : keeps.get(0).length;
        Map<List<Long>, Integer> seen = new HashMap<>();
        int[] distinctOf = new int[contexts.size()];
        int[] first = new int[contexts.size()];
        for (int i = 0; i < contexts.size(); i++) {
            if (keeps.get(i).length != t || contexts.get(i).length == 0) {
                return null;
            }
            List<Long> key = Arrays.stream(contexts.get(i)).boxed().toList();
            Integer d = seen.get(key);
            if (d == null) {
                d = seen.size();
                seen.put(key, d);
                first[d] = i;
            }
            distinctOf[i] = d;
        }
        return new SharedContexts(distinctOf, Arrays.copyOf(first, seen.size()), t);
    }

    int distinct() {
        return firstRow.length;
    }

    /** How many rows of samples {@code numSamples} per prompt make: each prompt's row repeated. */
    SharedContexts perSample(int numSamples) {
        if (numSamples == 1) {
            return this;
        }
        int[] d = new int[distinctOf.length * numSamples];
        int[] f = new int[firstRow.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = distinctOf[i / numSamples];
        }
        for (int u = 0; u < f.length; u++) {
            f[u] = firstRow[u] * numSamples;
        }
        return new SharedContexts(d, f, keepLength);
    }

    /**
     * Fills {@code cache} with the first {@code promptLen} columns of every row and returns each
     * row's logits for its first new token.
     *
     * @param step runs columns [from, end) of the given rows with a cache and returns the last column's logits
     */
    float[][] prefill(long[][] ids, long[][] pos, boolean[][] real, int promptLen, KvCache cache, Step step) {
        int contextCols = promptLen - keepLength;
        int u = firstRow.length;
        long[][] uIds = new long[u][];
        long[][] uPos = new long[u][];
        boolean[][] uReal = new boolean[u][];
        for (int d = 0; d < u; d++) {
            uIds[d] = ids[firstRow[d]];
            uPos[d] = pos[firstRow[d]];
            uReal[d] = real[firstRow[d]];
        }
        float[][] contextLogits = step.run(uIds, uPos, uReal, 0, contextCols, cache);
        long[] rows = new long[distinctOf.length];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = distinctOf[r];
        }
        cache.selectRows(rows);
        if (keepLength > 0) {
            return step.run(ids, pos, real, contextCols, promptLen, cache);
        }
        float[][] out = new float[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = contextLogits[distinctOf[r]].clone();
        }
        return out;
    }

    /** One cached forward step of the generator. */
    interface Step {
        float[][] run(long[][] ids, long[][] pos, boolean[][] real, int from, int end, KvCache cache);
    }

}
