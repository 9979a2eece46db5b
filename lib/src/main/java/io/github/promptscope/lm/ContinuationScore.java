package io.github.promptscope.lm;

/**
 * How likely a continuation is after its prefix: per token, summed and averaged (natural log).
 * {@code greedy} says whether every continuation token was the model's most likely next token,
 * i.e. whether greedy decoding would have produced exactly this continuation.
 */
public record ContinuationScore(ScoreRequest request, long[] tokens, float[] tokenLogProbs, boolean greedy) {

    public double sum() {
        double s = 0;
        for (float lp : tokenLogProbs) {
            s += lp;
        }
        return s;
    }

    public double mean() {
        return tokenLogProbs.length == 0 ? 0 : sum() / tokenLogProbs.length;
    }
}
