package io.github.promptscope.backend;

/**
 * One {@code /v1/completions} request for one prompt.
 *
 * @param prompt the prompt's text
 * @param sampling how to pick the new tokens
 * @param n choices to return (1..20)
 * @param logprobs null: no log-probabilities; k in 0..20: each token's log-probability and the k
 *     likeliest alternatives at its position
 * @param echo put the prompt in front of the text (and, with logprobs, score its tokens too)
 * @param promptTokens null, or the prompt as token ids, sent instead of the text (the API's list of
 *     token ids): for contexts built from separately tokenized pieces, which text cannot carry.
 *     The endpoint must use the same tokenizer. {@code prompt} is then only its description.
 * @param returnTokenIds ask for each choice's new token ids ({@link GeneratedText#tokenIds()}); sent as
 *     the {@code return_token_ids} extension field (vLLM's name). The local model always gives them.
 */
public record CompletionRequest(String prompt, Sampling sampling, int n, Integer logprobs, boolean echo,
        long[] promptTokens, boolean returnTokenIds) {

    public static final int MAX_N = 20;
    public static final int MAX_LOGPROBS = 20;

    public CompletionRequest {
        if (prompt == null) {
            throw new IllegalArgumentException("prompt must not be null");
        }
        if (n < 1 || n > MAX_N) {
            throw new IllegalArgumentException("n must be in 1.." + MAX_N + ", got " + n);
        }
        if (logprobs != null && (logprobs < 0 || logprobs > MAX_LOGPROBS)) {
            throw new IllegalArgumentException("logprobs must be in 0.." + MAX_LOGPROBS + ", got " + logprobs);
        }
        promptTokens = promptTokens == null ? null : promptTokens.clone();
    }

    /** A text prompt. */
    public CompletionRequest(String prompt, Sampling sampling, int n, Integer logprobs, boolean echo) {
        this(prompt, sampling, n, logprobs, echo, null, false);
    }

    /** One choice, no log-probabilities, no echo. */
    public static CompletionRequest of(String prompt, Sampling sampling) {
        return new CompletionRequest(prompt, sampling, 1, null, false);
    }

    /** A prompt of token ids ({@code description}: its decoded text, for messages), answered with token ids. */
    public static CompletionRequest ofTokens(long[] ids, String description, Sampling sampling) {
        return new CompletionRequest(description, sampling, 1, null, false, ids, true);
    }

    public CompletionRequest withN(int choices) {
        return new CompletionRequest(prompt, sampling, choices, logprobs, echo, promptTokens, returnTokenIds);
    }

    public CompletionRequest withLogprobs(Integer k) {
        return new CompletionRequest(prompt, sampling, n, k, echo, promptTokens, returnTokenIds);
    }

    public CompletionRequest withEcho(boolean on) {
        return new CompletionRequest(prompt, sampling, n, logprobs, on, promptTokens, returnTokenIds);
    }

    public CompletionRequest withReturnTokenIds(boolean on) {
        return new CompletionRequest(prompt, sampling, n, logprobs, echo, promptTokens, on);
    }
}
