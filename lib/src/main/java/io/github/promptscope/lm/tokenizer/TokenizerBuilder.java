package io.github.promptscope.lm.tokenizer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Builds the byte-level BPE tokenizer of the embedded default model without a training library:
 * 256 byte tokens, then just enough merges that every task word is one token, then
 * {@code <|endoftext|>}.
 *
 * <pre>{@code
 * ByteLevelTokenizer tok = TokenizerBuilder.byteLevel().words(taskWords).build();
 * tok.write(dir);   // tokenizer.json + tokenizer_config.json
 * }</pre>
 *
 * <p>Merges are added in a fixed order (words sorted, bare forms, then space-prefixed forms, then
 * extra strings), so the same inputs always give the same file.
 */
public final class TokenizerBuilder {

    /** Outer verification rounds; one suffices by the argument in {@link #mergeUntilSingle}, the rest is a guard. */
    private static final int MAX_ROUNDS = 4;

    private final TreeSet<String> words = new TreeSet<>();
    private final TreeSet<String> extras = new TreeSet<>();
    private int modelMaxLength = 256;

    private TokenizerBuilder() {}

    public static TokenizerBuilder byteLevel() {
        return new TokenizerBuilder();
    }

    /**
     * Words that must each be one token both bare and after a space ({@code add}, {@code Ġadd}).
     * Letters joined by apostrophes or hyphens; digits and whitespace are rejected.
     */
    public TokenizerBuilder words(Collection<String> ws) {
        for (String w : ws) {
            requireNoDigitOrSpace(w);
            requireOnePiece(w, w);
            requireOnePiece(w, " " + w);
            words.add(w);
        }
        return this;
    }

    /**
     * Strings that must each be one token exactly as written: pass {@code " Output"} for the
     * space-prefixed form, or punctuation such as {@code "->"}. No digits, and each must be one
     * pre-tokenizer piece on its own. In running text a piece can still be cut differently: as in
     * GPT-2, {@code "\n\n"} right before a word splits into {@code "\n"} and {@code "\n"}.
     */
    public TokenizerBuilder extraWords(Collection<String> strings) {
        for (String s : strings) {
            requireNoDigit(s);
            requireOnePiece(s, s);
            extras.add(s);
        }
        return this;
    }

    /** Written to {@code tokenizer_config.json}; Python's tokenizer warns past it. Default 256. */
    public TokenizerBuilder modelMaxLength(int tokens) {
        if (tokens <= 0) {
            throw new IllegalArgumentException("modelMaxLength must be positive, got " + tokens);
        }
        modelMaxLength = tokens;
        return this;
    }

    public ByteLevelTokenizer build() {
        List<String> targets = new ArrayList<>();
        // Bare forms first: "Ġadd" then needs only the merge Ġ + add, sharing every token of "add".
        words.forEach(w -> targets.add(ByteLevelAlphabet.encode(w)));
        words.forEach(w -> targets.add(ByteLevelAlphabet.encode(" " + w)));
        extras.forEach(s -> targets.add(ByteLevelAlphabet.encode(s)));

        BpeTable bpe = new BpeTable();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<String> split = new ArrayList<>();
            for (String t : targets) {
                if (bpe.encode(t).length > 1) {
                    split.add(t);
                }
            }
            if (split.isEmpty()) {
                return new ByteLevelTokenizer(bpe.tokens(), bpe.mergeStrings(), modelMaxLength);
            }
            split.forEach(t -> mergeUntilSingle(bpe, t));
        }
        throw new IllegalStateException("byte-level BPE: some words are still split after " + MAX_ROUNDS
                + " repair rounds; this is a bug in TokenizerBuilder");
    }

    /**
     * Appends merges until {@code target} encodes to one token. Why this ends: the new merge
     * ranks last, so encoding replays the old merges to the same pieces, then joins the first two,
     * so each step loses at least one piece. Why it cannot undo earlier words: an earlier word's
     * encoding had an older, better-ranked merge available at every step, so a later merge is
     * never chosen for it.
     */
    private static void mergeUntilSingle(BpeTable bpe, String target) {
        for (int step = 0; step < target.length(); step++) {
            int[] pieces = bpe.encode(target);
            if (pieces.length == 1) {
                return;
            }
            bpe.addMerge(pieces[0], pieces[1]);
        }
        throw new IllegalStateException("byte-level BPE: \"" + target + "\" is still split after "
                + target.length() + " merges; this is a bug in TokenizerBuilder");
    }

    private static void requireNoDigitOrSpace(String word) {
        requireNoDigit(word);
        if (word.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw new IllegalArgumentException("word \"" + word + "\" contains whitespace; "
                    + "words get their space-prefixed form automatically, pass phrases as separate words");
        }
    }

    private static void requireNoDigit(String word) {
        if (word.isEmpty()) {
            throw new IllegalArgumentException("empty word; every word must have at least one letter");
        }
        if (word.codePoints().anyMatch(TokenizerBuilder::isNumber)) {
            throw new IllegalArgumentException("word \"" + word + "\" contains a digit; "
                    + "digits are always single tokens so numbers tokenize the same everywhere");
        }
    }

    /** Any Unicode number ({@code \p{N}}: 7, ½, Ⅳ), matching what the pre-tokenizer treats as a digit. */
    private static boolean isNumber(int c) {
        int t = Character.getType(c);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    private static void requireOnePiece(String word, String form) {
        List<String> pieces = PreTokenizerPattern.split(form);
        if (pieces.size() != 1) {
            throw new IllegalArgumentException("word \"" + word + "\": the pre-tokenizer cuts \"" + form + "\" into "
                    + pieces + ", so it can never be one token; use letters joined by single apostrophes or hyphens");
        }
    }
}
