package io.github.promptscope.backend;

/**
 * One {@code /v1/completions} request for one prompt.
 *
 * @param n choices to return (1..20)
 * @param logprobs null: no log-probabilities; k in 0..20: each token's log-probability and the k
 *     likeliest alternatives at its position
 * @param echo put the prompt in front of the text (and, with logprobs, score its tokens too)
 */
public record CompletionRequest(String prompt, Sampling sampling, int n, Integer logprobs, boolean echo) {

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
    }

    /** One choice, no log-probabilities, no echo. */
    public static CompletionRequest of(String prompt, Sampling sampling) {
        return new CompletionRequest(prompt, sampling, 1, null, false);
    }

    public CompletionRequest withN(int choices) {
        return new CompletionRequest(prompt, sampling, choices, logprobs, echo);
    }

    public CompletionRequest withLogprobs(Integer k) {
        return new CompletionRequest(prompt, sampling, n, k, echo);
    }

    public CompletionRequest withEcho(boolean on) {
        return new CompletionRequest(prompt, sampling, n, logprobs, on);
    }
}
