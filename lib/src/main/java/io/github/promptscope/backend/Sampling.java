package io.github.promptscope.backend;

import java.util.List;

/**
 * How to pick new tokens, as the OpenAI API names it. Temperature 0 is greedy decoding. A seed makes
 * sampling repeatable: locally the same seed gives the same tokens, and {@code serve} keeps that
 * promise over the wire. {@code topK} is not an OpenAI parameter; it is sent as the {@code top_k}
 * extension that PromptScope's server, vLLM and llama.cpp accept (0: no limit).
 *
 * @param maxTokens the most new tokens (0 is allowed with echo: score the prompt only)
 * @param stop generation ends before the first of these texts (at most 4, as in the API)
 * @param seed null: the server chooses (PromptScope's server uses 0)
 */
public record Sampling(int maxTokens, double temperature, double topP, int topK, List<String> stop, Long seed) {

    public Sampling {
        if (maxTokens < 0) {
            throw new IllegalArgumentException("maxTokens must be >= 0, got " + maxTokens);
        }
        if (temperature < 0 || temperature > 2) {
            throw new IllegalArgumentException("temperature must be in 0..2, got " + temperature);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], got " + topP);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0, got " + topK);
        }
        stop = List.copyOf(stop);
    }

    /** The likeliest token each step. */
    public static Sampling greedy(int maxTokens) {
        return new Sampling(maxTokens, 0, 1, 0, List.of(), null);
    }

    /** Sampling at {@code temperature} from a generator seeded with {@code seed}. */
    public static Sampling seeded(int maxTokens, double temperature, long seed) {
        return new Sampling(maxTokens, temperature, 1, 0, List.of(), seed);
    }

    public Sampling withTopP(double p) {
        return new Sampling(maxTokens, temperature, p, topK, stop, seed);
    }

    public Sampling withTopK(int k) {
        return new Sampling(maxTokens, temperature, topP, k, stop, seed);
    }

    public Sampling withStop(List<String> stops) {
        return new Sampling(maxTokens, temperature, topP, topK, stops, seed);
    }

    public Sampling withMaxTokens(int n) {
        return new Sampling(n, temperature, topP, topK, stop, seed);
    }
}
