package io.github.promptscope.serve;

import io.github.promptscope.backend.ScoredText.ScoredToken;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a generated text into one streaming chunk per token. Chunk texts are cut from the text
 * itself at the tokens' offsets, so they always join back to exactly the text, even where a token
 * is a piece of a multi-byte character.
 */
final class TextChunks {

    record Chunk(String text, ScoredToken token) {}

    private TextChunks() {}

    /**
     * @param text the generated text (no echoed prompt)
     * @param tokens its tokens, with offsets counted from {@code base}
     * @param base the offset of the text's first character in the tokens' coordinates
     */
    static List<Chunk> split(String text, List<ScoredToken> tokens, int base) {
        List<Chunk> out = new ArrayList<>();
        for (int j = 0; j < tokens.size(); j++) {
            int from = j == 0 ? 0 : clamp(tokens.get(j).offset() - base, text.length());
            int to = j == tokens.size() - 1 ? text.length() : clamp(tokens.get(j + 1).offset() - base, text.length());
            out.add(new Chunk(text.substring(from, Math.max(from, to)), tokens.get(j)));
        }
        if (tokens.isEmpty() && !text.isEmpty()) {
            out.add(new Chunk(text, null));
        }
        return out;
    }

    private static int clamp(int x, int len) {
        return Math.max(0, Math.min(len, x));
    }
}
