package io.github.promptscope.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * How ROUGE splits text. Whitespace suits the English stand-in tasks; characters suit Japanese,
 * which has no spaces (a dependency-free stand-in for the MeCab/Janome words sumeval uses).
 */
public enum Tokenization {
    /** Split on runs of whitespace; case and punctuation are kept. */
    WHITESPACE(s -> s.isBlank() ? List.of() : Arrays.asList(s.strip().split("\\s+"))),
    /** One token per Unicode code point, whitespace dropped. */
    CHARACTERS(s -> s.codePoints().filter(c -> !Character.isWhitespace(c)).mapToObj(Character::toString).toList());

    private final Function<String, List<String>> splitter;

    Tokenization(Function<String, List<String>> splitter) {
        this.splitter = splitter;
    }

    public List<String> tokenize(String text) {
        return splitter.apply(text);
    }
}
