package io.github.promptscope.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * How ROUGE splits text into the tokens it counts. {@link #WHITESPACE} and {@link #CHARACTERS} need
 * nothing; {@link EnglishTokens} and {@link JapaneseTokens} add the lowercasing and stop-word removal
 * of the P-tuning study's scorer (spec B3, B6).
 */
@FunctionalInterface
public interface Tokenization {

    /** Split on runs of whitespace; case and punctuation are kept. */
    Tokenization WHITESPACE = s -> s.isBlank() ? List.of() : Arrays.asList(s.strip().split("\\s+"));

    /** One token per Unicode code point, whitespace dropped (Japanese without a word segmenter). */
    Tokenization CHARACTERS = s -> s.codePoints().filter(c -> !Character.isWhitespace(c))
            .mapToObj(Character::toString).toList();

    List<String> tokenize(String text);
}
