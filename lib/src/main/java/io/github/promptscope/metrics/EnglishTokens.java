package io.github.promptscope.metrics;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ROUGE tokens of the English stand-in tasks (spec B6): whitespace tokens, lowercased, minus a
 * small stop list, so two summaries do not score on {@code the} and {@code in} alone. The list is
 * this project's (articles, common prepositions and forms of "be"); {@link #withStopWordFile} takes
 * a user's list instead.
 */
public final class EnglishTokens implements Tokenization {

    /** The project's stop words: written for the toy summaries, not a copy of any library's list. */
    public static final Set<String> PROJECT_STOP_WORDS = Set.of("a", "an", "the", "and", "or", "of", "in", "on",
            "at", "to", "for", "by", "with", "as", "is", "are", "was", "were", "be", "it", "its", "this", "that");

    private final Set<String> stopWords;

    private EnglishTokens(Set<String> stopWords) {
        this.stopWords = Set.copyOf(stopWords);
    }

    /** Whitespace tokens, lowercased, without {@link #PROJECT_STOP_WORDS}. */
    public static EnglishTokens withProjectStopWords() {
        return new EnglishTokens(PROJECT_STOP_WORDS);
    }

    /** Whitespace tokens, lowercased, stop words kept. */
    public static EnglishTokens withoutStopWords() {
        return new EnglishTokens(Set.of());
    }

    /** Whitespace tokens, lowercased, without the words of {@code file} (one per line). */
    public static EnglishTokens withStopWordFile(Path file) {
        return new EnglishTokens(StopWords.read(file));
    }

    @Override
    public List<String> tokenize(String text) {
        return WHITESPACE.tokenize(text).stream().map(w -> w.toLowerCase(Locale.ROOT))
                .filter(w -> !stopWords.contains(w)).toList();
    }
}
