package io.github.promptscope.lm;

import java.util.List;

/**
 * How to generate. Temperature 0 means greedy decoding; otherwise tokens are sampled with the
 * given top-k / top-p filters from a generator seeded by {@code seed}, so a run can be replayed.
 *
 * @param maxNewTokens the most tokens to add to each prompt
 * @param temperature 0 for greedy, else the softmax temperature
 * @param topK keep only the k most likely tokens (0: no limit)
 * @param topP keep the smallest set of tokens whose probability reaches p (1: no limit)
 * @param seed seed of the sampler
 * @param numSamples continuations per prompt
 * @param stopStrings generation of a sequence ends when its text contains one of these
 * @param stopAtEos end a sequence at the model's end-of-sequence token
 * @param useCache reuse keys and values of earlier tokens (off only to check the cache)
 */
public record GenerationConfig(
        int maxNewTokens,
        double temperature,
        int topK,
        double topP,
        long seed,
        int numSamples,
        List<String> stopStrings,
        boolean stopAtEos,
        boolean useCache) {

    public GenerationConfig {
        if (maxNewTokens < 0) {
            throw new IllegalArgumentException("maxNewTokens must be >= 0, got " + maxNewTokens);
        }
        if (temperature < 0) {
            throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0, got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], got " + topP);
        }
        if (numSamples < 1) {
            throw new IllegalArgumentException("numSamples must be >= 1, got " + numSamples);
        }
        stopStrings = List.copyOf(stopStrings);
    }

    public static GenerationConfig greedy(int maxNewTokens) {
        return new GenerationConfig(maxNewTokens, 0, 0, 1.0, 0, 1, List.of(), true, true);
    }

    public static GenerationConfig sampling(int maxNewTokens, double temperature, long seed) {
        return new GenerationConfig(maxNewTokens, temperature, 0, 1.0, seed, 1, List.of(), true, true);
    }

    public boolean greedy() {
        return temperature == 0;
    }

    public GenerationConfig withTopK(int k) {
        return new GenerationConfig(maxNewTokens, temperature, k, topP, seed, numSamples, stopStrings, stopAtEos, useCache);
    }

    public GenerationConfig withTopP(double p) {
        return new GenerationConfig(maxNewTokens, temperature, topK, p, seed, numSamples, stopStrings, stopAtEos, useCache);
    }

    public GenerationConfig withSamples(int n) {
        return new GenerationConfig(maxNewTokens, temperature, topK, topP, seed, n, stopStrings, stopAtEos, useCache);
    }

    public GenerationConfig withStops(List<String> stops) {
        return new GenerationConfig(maxNewTokens, temperature, topK, topP, seed, numSamples, stops, stopAtEos, useCache);
    }

    public GenerationConfig withStopAtEos(boolean stop) {
        return new GenerationConfig(maxNewTokens, temperature, topK, topP, seed, numSamples, stopStrings, stop, useCache);
    }

    public GenerationConfig withCache(boolean cache) {
        return new GenerationConfig(maxNewTokens, temperature, topK, topP, seed, numSamples, stopStrings, stopAtEos, cache);
    }
}
