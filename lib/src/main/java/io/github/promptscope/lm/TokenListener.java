package io.github.promptscope.lm;

/**
 * Told of every token as generation produces it, on the generating thread, before the next
 * forward pass: what a server needs to stream an answer while it is being written. A listener that
 * throws stops the generation there (the exception reaches the caller of {@code generate}).
 */
@FunctionalInterface
public interface TokenListener {

    /**
     * @param row the row of the batch (prompt {@code p}, sample {@code s}: {@code p * numSamples + s})
     * @param generated tokens this row has now, this one included
     * @param token the new token's id
     * @param text the row's text so far, cut before a stop string (as {@link Generation#text()} will be)
     * @param finished whether the row has ended (stop string or end-of-sequence); a row that reaches
     *     {@code maxNewTokens} is not told, as the generation ends there anyway
     */
    void onToken(int row, int generated, long token, String text, boolean finished);
}
