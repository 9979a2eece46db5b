package io.github.promptscope.lm;

import java.util.List;

/**
 * A continuation to score given a prefix. The prefix may come in pieces; each piece and the
 * continuation are tokenized on their own and the ids joined, as iPrompt lays out
 * {@code [prompt][". " + input][output]}: the continuation's tokens are then the same whatever
 * prompt precedes them.
 */
public record ScoreRequest(List<String> prefixPieces, String continuation) {

    public ScoreRequest {
        if (prefixPieces == null || continuation == null) {
            throw new IllegalArgumentException("prefix pieces and continuation must not be null");
        }
        prefixPieces = List.copyOf(prefixPieces); // also rejects a null piece
    }

    public ScoreRequest(String prefix, String continuation) {
        this(List.of(prefix == null ? "" : prefix), continuation);
    }

    public String prefix() {
        return String.join("", prefixPieces);
    }
}
