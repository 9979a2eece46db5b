package io.github.promptscope.lm;

/**
 * A continuation to score given a prefix. The two are tokenized separately and joined, so the
 * continuation's tokens are the same whatever prefix precedes it (the convention of iPrompt's
 * reference, which scores one output under many candidate prompts).
 */
public record ScoreRequest(String prefix, String continuation) {

    public ScoreRequest {
        if (prefix == null || continuation == null) {
            throw new IllegalArgumentException("prefix and continuation must not be null");
        }
    }
}
