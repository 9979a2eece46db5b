package io.github.promptscope.lm;

import java.util.List;

/**
 * Per-token log-probabilities of a text. {@code logprobs[i]} is ln p(token i | tokens 0..i-1);
 * the first entry is null because nothing precedes it.
 */
public record TokenLogProbs(long[] tokens, List<String> pieces, Double[] logprobs) {}
