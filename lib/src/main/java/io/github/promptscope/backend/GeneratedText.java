package io.github.promptscope.backend;

/**
 * One choice of a completion or chat reply.
 *
 * @param text the new text, cut before a stop string (the prompt first when echoed)
 * @param finishReason "stop" (a stop string or end-of-sequence) or "length" (max tokens reached)
 * @param logprobs per-token log-probabilities of {@code text}'s tokens when asked, else null
 * @param promptTokens tokens in the prompt, as the model counts them (0 if the endpoint did not say)
 * @param completionTokens new tokens generated for this choice (0 if the endpoint did not say)
 * @param tokenIds the new tokens' ids (up to and including a stop), or null when the endpoint did not
 *     give them (remote endpoints give them for {@link CompletionRequest#returnTokenIds()} if they can)
 */
public record GeneratedText(String text, String finishReason, ScoredText logprobs, int promptTokens,
        int completionTokens, long[] tokenIds) {

    /** Without token ids. */
    public GeneratedText(String text, String finishReason, ScoredText logprobs, int promptTokens, int completionTokens) {
        this(text, finishReason, logprobs, promptTokens, completionTokens, null);
    }
}
