package io.github.promptscope.data;

/**
 * The longest input or output a prompt search takes, in characters, checked before anything is
 * tokenized. A search scores at most its {@code maxLength} (128) tokens of each row, the input cut
 * from the left as the reference cuts it, and shows a proposal context no longer than the model's
 * positions; a field of 100,000 characters (about 25,000 tokens of English) already holds far more
 * than either. Longer fields are an error rather than a cut: tokenizing one costs seconds, and
 * a 5 MB line once exhausted the heap (the JVM then aborted inside the tokenizer, exit 134).
 */
public final class FieldLimits {

    /** Characters per input or output. */
    public static final int MAX_CHARS = 100_000;

    private FieldLimits() {}

    /** Null when {@code text} fits; otherwise what is wrong, naming {@code field}, its length and the limit. */
    public static String tooLong(String field, String text) {
        if (text.length() <= MAX_CHARS) {
            return null;
        }
        return String.format("%s has %,d characters, more than the %,d a search takes (it scores at most 128 tokens"
                + " of a row, the input cut from the left); shorten it to the part that matters", field, text.length(),
                MAX_CHARS);
    }
}
