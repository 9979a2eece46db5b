package io.github.promptscope.lm;

/**
 * Scores of many prompts against the same examples, each laid out {@code [prompt][context][target]}.
 *
 * @param logProbs  [prompt][example]: summed ln p of the example's target tokens
 * @param greedy    [prompt][example]: every target token was the argmax
 * @param targetTokens [example]: how many tokens each target has
 */
public record PromptScores(float[][] logProbs, boolean[][] greedy, int[] targetTokens) {

    /** Token-weighted mean cross-entropy over all examples' targets (iPrompt's loss, spec 1.4). */
    public double loss(int prompt) {
        double nll = 0;
        long tokens = 0;
        for (int i = 0; i < targetTokens.length; i++) {
            nll -= logProbs[prompt][i];
            tokens += targetTokens[i];
        }
        return tokens == 0 ? 0 : nll / tokens;
    }

    /** Fraction of examples whose whole target greedy decoding reproduces (spec 1.4's acc). */
    public double accuracy(int prompt) {
        int correct = 0;
        for (boolean g : greedy[prompt]) {
            correct += g ? 1 : 0;
        }
        return greedy[prompt].length == 0 ? 0 : (double) correct / greedy[prompt].length;
    }

    public int correct(int prompt) {
        int correct = 0;
        for (boolean g : greedy[prompt]) {
            correct += g ? 1 : 0;
        }
        return correct;
    }

    public int prompts() {
        return logProbs.length;
    }
}
