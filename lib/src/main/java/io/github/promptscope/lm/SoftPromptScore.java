package io.github.promptscope.lm;

/**
 * One {@link SoftSequence}'s targets scored under soft rows.
 *
 * @param logProbs ln p of each target token given everything before it
 * @param greedy whether each target token was the most likely one at its position
 * @param argmax the most likely token at each target position (teacher-forced: given the true tokens
 *     before it), so a caller can decode what the model predicted there (P-tuning's ROUGE, spec B3)
 */
public record SoftPromptScore(float[] logProbs, boolean[] greedy, long[] argmax) {

    public double sum() {
        double s = 0;
        for (float lp : logProbs) {
            s += lp;
        }
        return s;
    }

    /** Whether greedy decoding reproduces every target token. */
    public boolean allGreedy() {
        for (boolean g : greedy) {
            if (!g) {
                return false;
            }
        }
        return true;
    }
}
