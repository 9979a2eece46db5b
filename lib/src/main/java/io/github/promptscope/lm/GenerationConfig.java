package io.github.promptscope.lm;

import java.util.List;

/**
 * How to generate. Temperature 0 means greedy decoding; otherwise tokens are sampled with the
 * given top-k / top-p filters from a generator seeded by {@code seed}, so a run can be replayed.
 * The logits pass through the same processors as in {@code transformers}, in the same order:
 * repetition penalty, banned sequences, minimum length; then temperature, top-k, top-p.
 *
 * @param maxNewTokens the most tokens to add to each prompt
 * @param minNewTokens end-of-sequence is banned until this many tokens exist
 * @param temperature 0 for greedy, else the softmax temperature
 * @param topK keep only the k most likely tokens (0: no limit)
 * @param topP keep the smallest set of tokens whose probability reaches p (1: no limit)
 * @param repetitionPenalty CTRL penalty on every token already in the context (1: none)
 * @param bannedTexts texts whose token sequences may never be generated (like {@code bad_words_ids})
 * @param seed seed of the sampler
 * @param numSamples continuations per prompt
 * @param stopStrings generation of a sequence ends when its text contains one of these
 * @param stopAtEos end a sequence at the model's end-of-sequence token
 * @param useCache reuse keys and values of earlier tokens (off only to check the cache)
 */
public record GenerationConfig(
        int maxNewTokens,
        int minNewTokens,
        double temperature,
        int topK,
        double topP,
        double repetitionPenalty,
        List<String> bannedTexts,
        long seed,
        int numSamples,
        List<String> stopStrings,
        boolean stopAtEos,
        boolean useCache) {

    public GenerationConfig {
        check(maxNewTokens >= 0, "maxNewTokens must be >= 0, got " + maxNewTokens);
        check(minNewTokens >= 0, "minNewTokens must be >= 0, got " + minNewTokens);
        check(temperature >= 0, "temperature must be >= 0, got " + temperature);
        check(topK >= 0, "topK must be >= 0, got " + topK);
        check(topP > 0 && topP <= 1, "topP must be in (0, 1], got " + topP);
        check(repetitionPenalty > 0, "repetitionPenalty must be > 0, got " + repetitionPenalty);
        check(numSamples >= 1, "numSamples must be >= 1, got " + numSamples);
        bannedTexts = List.copyOf(bannedTexts);
        stopStrings = List.copyOf(stopStrings);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public static GenerationConfig greedy(int maxNewTokens) {
        return builder().maxNewTokens(maxNewTokens).build();
    }

    public static GenerationConfig sampling(int maxNewTokens, double temperature, long seed) {
        return builder().maxNewTokens(maxNewTokens).temperature(temperature).seed(seed).build();
    }

    public boolean greedy() {
        return temperature == 0;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxNewTokens = maxNewTokens;
        b.minNewTokens = minNewTokens;
        b.temperature = temperature;
        b.topK = topK;
        b.topP = topP;
        b.repetitionPenalty = repetitionPenalty;
        b.bannedTexts = bannedTexts;
        b.seed = seed;
        b.numSamples = numSamples;
        b.stopStrings = stopStrings;
        b.stopAtEos = stopAtEos;
        b.useCache = useCache;
        return b;
    }

    public GenerationConfig withTopK(int k) {
        return toBuilder().topK(k).build();
    }

    public GenerationConfig withTopP(double p) {
        return toBuilder().topP(p).build();
    }

    public GenerationConfig withSamples(int n) {
        return toBuilder().numSamples(n).build();
    }

    public GenerationConfig withStops(List<String> stops) {
        return toBuilder().stopStrings(stops).build();
    }

    public GenerationConfig withStopAtEos(boolean stop) {
        return toBuilder().stopAtEos(stop).build();
    }

    public GenerationConfig withCache(boolean cache) {
        return toBuilder().useCache(cache).build();
    }

    /** Fluent construction; unset fields take the defaults of greedy decoding. */
    public static final class Builder {
        private int maxNewTokens = 32;
        private int minNewTokens;
        private double temperature;
        private int topK;
        private double topP = 1.0;
        private double repetitionPenalty = 1.0;
        private List<String> bannedTexts = List.of();
        private long seed;
        private int numSamples = 1;
        private List<String> stopStrings = List.of();
        private boolean stopAtEos = true;
        private boolean useCache = true;

        public Builder maxNewTokens(int n) { maxNewTokens = n; return this; }
        public Builder minNewTokens(int n) { minNewTokens = n; return this; }
        public Builder temperature(double t) { temperature = t; return this; }
        public Builder topK(int k) { topK = k; return this; }
        public Builder topP(double p) { topP = p; return this; }
        public Builder repetitionPenalty(double p) { repetitionPenalty = p; return this; }
        public Builder bannedTexts(List<String> texts) { bannedTexts = texts; return this; }
        public Builder seed(long s) { seed = s; return this; }
        public Builder numSamples(int n) { numSamples = n; return this; }
        public Builder stopStrings(List<String> stops) { stopStrings = stops; return this; }
        public Builder stopAtEos(boolean stop) { stopAtEos = stop; return this; }
        public Builder useCache(boolean cache) { useCache = cache; return this; }

        public GenerationConfig build() {
            return new GenerationConfig(maxNewTokens, minNewTokens, temperature, topK, topP, repetitionPenalty,
                    bannedTexts, seed, numSamples, stopStrings, stopAtEos, useCache);
        }
    }
}
