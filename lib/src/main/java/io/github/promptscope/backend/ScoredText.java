package io.github.promptscope.backend;

import java.util.List;

/**
 * A text as a model sees it: its tokens, each with ln p(token | tokens before it) and the likeliest
 * alternatives at its position. This is the OpenAI completions {@code logprobs} object in Java form.
 */
public record ScoredText(List<ScoredToken> tokens) {

    public ScoredText {
        tokens = List.copyOf(tokens);
    }

    /** The log-probabilities in order (the first is null when nothing precedes it). */
    public Double[] logprobs() {
        return tokens.stream().map(ScoredToken::logprob).toArray(Double[]::new);
    }

    /** The sum of the known log-probabilities: ln p(text | its first token). */
    public double total() {
        return tokens.stream().map(ScoredToken::logprob).filter(x -> x != null).mapToDouble(Double::doubleValue).sum();
    }

    /**
     * One token.
     *
     * @param text the token's text (decoded; a piece of a multi-byte character decodes to U+FFFD)
     * @param offset where the token starts in the (echoed) text, in chars
     * @param logprob null for a first token, which nothing predicts
     * @param top the likeliest tokens at this position, likeliest first
     */
    public record ScoredToken(String text, int offset, Double logprob, List<Alternative> top) {
        public ScoredToken {
            top = List.copyOf(top);
        }
    }

    /** One alternative token at a position and its log-probability. */
    public record Alternative(String text, double logprob) {}
}
