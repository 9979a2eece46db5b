package io.github.promptscope.lm.train;

/**
 * The rows of one optimizer step: inputs, the next token at each input position (row after row), and
 * per-target loss weights (null: every position counts, as in packed pretraining; else 1 where the
 * model is trained to produce the token and 0 for context and padding).
 *
 * @param tokens real tokens in the rows (padding not counted), for the tokens-per-second figure
 */
record Batch(long[][] inputs, long[] targets, float[] weights, long tokens) {

    /** Packed sequences of {@code seqLen + 1} tokens: inputs are the first seqLen, targets the last. */
    static Batch packed(long[][] sequences) {
        int b = sequences.length;
        int len = sequences[0].length - 1;
        long[][] inputs = new long[b][len];
        long[] targets = new long[b * len];
        for (int i = 0; i < b; i++) {
            System.arraycopy(sequences[i], 0, inputs[i], 0, len);
            System.arraycopy(sequences[i], 1, targets, i * len, len);
        }
        return new Batch(inputs, targets, null, (long) b * len);
    }

    /** How many targets the loss averages over. */
    double trainedTokens() {
        if (weights == null) {
            return targets.length;
        }
        double sum = 0;
        for (float w : weights) {
            sum += w;
        }
        return sum;
    }
}
