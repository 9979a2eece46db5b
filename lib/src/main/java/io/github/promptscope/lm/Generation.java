package io.github.promptscope.lm;

/**
 * One generated continuation.
 *
 * @param sample which of the n samples for this prompt (0 for greedy)
 * @param tokens the new token ids, excluding the prompt, up to and including a stop
 * @param text the decoded continuation, cut before the first stop string
 * @param finishReason "length", "eos" or "stop"
 */
public record Generation(String prompt, int sample, long[] tokens, String text, String finishReason) {}
