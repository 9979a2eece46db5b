package io.github.promptscope.lm;

/**
 * A right-padded batch as one forward pass takes it: token ids (padding is id 0), positions
 * counted from 0 in every row, and the mask of real tokens. One builder for every scorer, so
 * padding is laid out the same way wherever "padding never changes a score" is tested.
 *
 * @param len the longest row, which every row is padded to
 */
record PaddedBatch(long[][] ids, long[][] positions, boolean[][] mask, int len) {

    /** The batch of these token sequences. */
    static PaddedBatch of(long[][] seqs) {
        int[] lengths = new int[seqs.length];
        for (int b = 0; b < seqs.length; b++) {
            lengths[b] = seqs[b].length;
        }
        PaddedBatch batch = layout(lengths);
        for (int b = 0; b < seqs.length; b++) {
            System.arraycopy(seqs[b], 0, batch.ids[b], 0, seqs[b].length);
        }
        return batch;
    }

    /** Positions and mask for rows of these lengths (ids all 0: for callers that embed rows themselves). */
    static PaddedBatch layout(int[] lengths) {
        int len = 0;
        for (int n : lengths) {
            len = Math.max(len, n);
        }
        long[][] ids = new long[lengths.length][len];
        long[][] positions = new long[lengths.length][len];
        boolean[][] mask = new boolean[lengths.length][len];
        for (int b = 0; b < lengths.length; b++) {
            for (int t = 0; t < len; t++) {
                positions[b][t] = t;
                mask[b][t] = t < lengths[b];
            }
        }
        return new PaddedBatch(ids, positions, mask, len);
    }
}
