package io.github.promptscope.neurons;

/**
 * How activation records are collected.
 *
 * @param windowTokens tokens per excerpt (64 in Bills et al.)
 * @param topK excerpts kept per neuron by maximum activation (at least 4 x examples per split, 20 for 5)
 * @param randomK random excerpts kept per neuron (at least 3 x examples per split, 15 for 5)
 * @param batchSize excerpts per forward pass
 * @param seed drives each neuron's random sample (independent per neuron, as OpenAI's)
 */
public record CollectorConfig(int windowTokens, int topK, int randomK, int batchSize, long seed) {

    public CollectorConfig {
        if (windowTokens < 1 || topK < 1 || randomK < 0 || batchSize < 1) {
            throw new IllegalArgumentException("window tokens, top k and batch size must be >= 1 and random k >= 0, got "
                    + windowTokens + ", " + topK + ", " + batchSize + ", " + randomK);
        }
    }

    /** 64-token excerpts, 20 top and 15 random per neuron: the minimum the 5-per-split splits need. */
    public static CollectorConfig defaults() {
        return new CollectorConfig(64, 20, 15, 16, 0);
    }

    public CollectorConfig withWindowTokens(int n) {
        return new CollectorConfig(n, topK, randomK, batchSize, seed);
    }

    public CollectorConfig withTopK(int n) {
        return new CollectorConfig(windowTokens, n, randomK, batchSize, seed);
    }

    public CollectorConfig withRandomK(int n) {
        return new CollectorConfig(windowTokens, topK, n, batchSize, seed);
    }

    public CollectorConfig withSeed(long s) {
        return new CollectorConfig(windowTokens, topK, randomK, batchSize, s);
    }
}
