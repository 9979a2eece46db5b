package io.github.promptscope.backend;

import java.util.List;

/**
 * How to pick new tokens, as the OpenAI API names it. Temperature 0 is greedy decoding. A seed makes
 * sampling repeatable: locally the same seed gives the same tokens, and {@code serve} keeps that
 * promise over the wire.
 *
 * <p>Beyond the OpenAI parameters, the logits processors iPrompt's proposer needs, sent as the
 * extension fields vLLM also reads ({@code top_k}, {@code repetition_penalty}, {@code min_tokens},
 * {@code ignore_eos}, {@code bad_words}) and only when they differ from their defaults. PromptScope's
 * server honours them exactly as {@code LanguageModel.generate} does; other servers may ignore or
 * reject them.
 *
 * @param maxTokens the most new tokens (0 is allowed with echo: score the prompt only)
 * @param topK keep only the k likeliest tokens (0: no limit)
 * @param stop generation ends before the first of these texts (at most 4, as in the API)
 * @param seed null: the server chooses (PromptScope's server uses 0)
 * @param repetitionPenalty CTRL penalty on every token of the prompt and the text so far (1: none)
 * @param minTokens end-of-sequence is banned until this many new tokens exist
 * @param ignoreEos keep generating past end-of-sequence (with {@code minTokens == maxTokens}: exactly
 *     that many tokens)
 * @param badWords texts whose token sequences are never generated ({@code transformers}'
 *     {@code bad_words_ids}, each text tokenized as it stands)
 */
public record Sampling(int maxTokens, double temperature, double topP, int topK, List<String> stop, Long seed,
        double repetitionPenalty, int minTokens, boolean ignoreEos, List<String> badWords) {

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
        if (!(repetitionPenalty > 0)) {
            throw new IllegalArgumentException("repetitionPenalty must be > 0, got " + repetitionPenalty);
        }
        if (minTokens < 0) {
            throw new IllegalArgumentException("minTokens must be >= 0, got " + minTokens);
        }
        stop = List.copyOf(stop);
        badWords = List.copyOf(badWords);
    }

    /** The OpenAI parameters alone; the extensions at their defaults. */
    public Sampling(int maxTokens, double temperature, double topP, int topK, List<String> stop, Long seed) {
        this(maxTokens, temperature, topP, topK, stop, seed, 1.0, 0, false, List.of());
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
        return new Sampling(maxTokens, temperature, p, topK, stop, seed, repetitionPenalty, minTokens, ignoreEos, badWords);
    }

    public Sampling withTopK(int k) {
        return new Sampling(maxTokens, temperature, topP, k, stop, seed, repetitionPenalty, minTokens, ignoreEos, badWords);
    }

    public Sampling withStop(List<String> stops) {
        return new Sampling(maxTokens, temperature, topP, topK, stops, seed, repetitionPenalty, minTokens, ignoreEos,
                badWords);
    }

    public Sampling withMaxTokens(int n) {
        return new Sampling(n, temperature, topP, topK, stop, seed, repetitionPenalty, minTokens, ignoreEos, badWords);
    }

    public Sampling withRepetitionPenalty(double p) {
        return new Sampling(maxTokens, temperature, topP, topK, stop, seed, p, minTokens, ignoreEos, badWords);
    }

    public Sampling withMinTokens(int n) {
        return new Sampling(maxTokens, temperature, topP, topK, stop, seed, repetitionPenalty, n, ignoreEos, badWords);
    }

    public Sampling withIgnoreEos(boolean on) {
        return new Sampling(maxTokens, temperature, topP, topK, stop, seed, repetitionPenalty, minTokens, on, badWords);
    }

    public Sampling withBadWords(List<String> texts) {
        return new Sampling(maxTokens, temperature, topP, topK, stop, seed, repetitionPenalty, minTokens, ignoreEos, texts);
    }

    /** Exactly {@code n} new tokens: at most n, end-of-sequence banned before n and not a stop. */
    public Sampling exactly(int n) {
        return withMaxTokens(n).withMinTokens(n).withIgnoreEos(true);
    }
}
