package io.github.promptscope.neurons;

import java.util.List;

/**
 * How an {@link LmExplainer} asks for explanations (spec neurons.md 2.1, 7.3).
 *
 * @param style the prompt (Original or one of Lee et al.'s four)
 * @param format NONE for a base model (the default), INSTRUCTION_FOLLOWING, or CHAT for a chat endpoint
 * @param n explanations sampled per neuron (the reference's {@code num_samples}; Lee et al. and the demos use 1)
 * @param maxTokens the most new tokens per explanation (the reference's 60)
 * @param temperature sampling temperature (the reference's 1.0)
 * @param topP nucleus sampling (the reference's 1.0)
 * @param stop where an explanation ends. The reference sends none (its chat models end their turn);
 *     a base model goes on to write the next neuron's block, which parsing cuts at the first newline
 *     anyway, so the default stop at "\n" changes no explanation and saves the rambling's tokens
 * @param seed the sampling seed: the same seed gives the same explanations, locally and through {@code serve}
 */
public record ExplainerConfig(PromptStyle style, PromptFormat format, int n, int maxTokens, double temperature,
        double topP, List<String> stop, long seed) {

    public static final int DEFAULT_MAX_TOKENS = 60;

    public ExplainerConfig {
        if (n < 1 || n > 20) {
            throw new IllegalArgumentException("--n must be in 1..20 explanations, got " + n);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("--max-tokens must be at least 1, got " + maxTokens);
        }
        stop = List.copyOf(stop);
    }

    /** The reference's sampling (60 tokens, temperature 1, top-p 1), one explanation, format NONE, seed 0. */
    public static ExplainerConfig defaults(PromptStyle style) {
        return new ExplainerConfig(style, PromptFormat.NONE, 1, DEFAULT_MAX_TOKENS, 1.0, 1.0, List.of("\n"), 0);
    }

    public ExplainerConfig withStyle(PromptStyle s) {
        return new ExplainerConfig(s, format, n, maxTokens, temperature, topP, stop, seed);
    }

    public ExplainerConfig withFormat(PromptFormat f) {
        return new ExplainerConfig(style, f, n, maxTokens, temperature, topP, stop, seed);
    }

    public ExplainerConfig withN(int k) {
        return new ExplainerConfig(style, format, k, maxTokens, temperature, topP, stop, seed);
    }

    public ExplainerConfig withMaxTokens(int m) {
        return new ExplainerConfig(style, format, n, m, temperature, topP, stop, seed);
    }

    public ExplainerConfig withTemperature(double t) {
        return new ExplainerConfig(style, format, n, maxTokens, t, topP, stop, seed);
    }

    public ExplainerConfig withStop(List<String> s) {
        return new ExplainerConfig(style, format, n, maxTokens, temperature, topP, s, seed);
    }

    public ExplainerConfig withSeed(long s) {
        return new ExplainerConfig(style, format, n, maxTokens, temperature, topP, stop, s);
    }
}
